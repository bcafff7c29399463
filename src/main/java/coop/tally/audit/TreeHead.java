package coop.tally.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Roots of a growing Merkle tree, computed as leaves arrive, in O(log n) memory: it keeps the
 * hashes of the perfect subtrees that make up the tree so far (its frontier: one per set bit of the
 * size, largest first). Verification streams millions of leaves through this and asks for the root
 * at each checkpoint's size without keeping the leaves; a checkpoint writer saves the frontier and
 * starts from it again ({@link #resume}) instead of reading every leaf.
 */
public final class TreeHead {

    /** Perfect subtree hashes, largest first; the i-th covers 2^heights[i] leaves. */
    private final byte[][] perfect = new byte[64][];
    private final int[] heights = new int[64];
    private int count;
    private long size;

    /**
     * The tree of {@code size} leaves whose frontier is {@code subtrees} (largest first, one per set
     * bit of the size, as {@link #frontier} gives it).
     */
    public static TreeHead resume(long size, List<byte[]> subtrees) {
        if (size < 0 || Long.bitCount(size) != subtrees.size()) {
            throw new IllegalArgumentException("A tree of " + size + " leaves has " + Long.bitCount(Math.max(size, 0))
                    + " perfect subtrees, not " + subtrees.size());
        }
        TreeHead tree = new TreeHead();
        int at = 0;
        for (int height = 63; height >= 0; height--) {
            if ((size & (1L << height)) != 0) {
                byte[] hash = subtrees.get(at++);
                if (hash.length != Merkle.HASH_BYTES) {
                    throw new IllegalArgumentException("A subtree hash has " + hash.length + " bytes");
                }
                tree.perfect[tree.count] = hash.clone();
                tree.heights[tree.count++] = height;
            }
        }
        tree.size = size;
        return tree;
    }

    public void append(byte[] leafHash) {
        byte[] hash = leafHash;
        int height = 0;
        // merge equal-sized neighbours, as a binary counter carries
        while (count > 0 && heights[count - 1] == height) {
            count--;
            hash = Merkle.nodeHash(perfect[count], hash);
            perfect[count] = null;
            height++;
        }
        perfect[count] = hash;
        heights[count++] = height;
        size++;
    }

    public long size() {
        return size;
    }

    /** The perfect subtree hashes that make up the tree, largest first (empty for the empty tree). */
    public List<byte[]> frontier() {
        List<byte[]> subtrees = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            subtrees.add(perfect[i].clone());
        }
        return subtrees;
    }

    /** MTH of the leaves appended so far. */
    public byte[] root() {
        if (count == 0) {
            return Merkle.emptyRoot();
        }
        byte[] root = perfect[count - 1];
        for (int i = count - 2; i >= 0; i--) {
            root = Merkle.nodeHash(perfect[i], root);
        }
        return Arrays.copyOf(root, root.length);
    }
}
