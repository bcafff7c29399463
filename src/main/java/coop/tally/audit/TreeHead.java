package coop.tally.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots of a growing Merkle tree, computed as leaves arrive, in O(log n) memory: it keeps the
 * hashes of the perfect subtrees that make up the tree so far (one per set bit of the size, largest
 * first). Verification streams millions of leaves through this and asks for the root at each
 * checkpoint's size without keeping the leaves.
 */
public final class TreeHead {

    private final List<byte[]> perfect = new ArrayList<>();
    private final List<Long> sizes = new ArrayList<>();
    private long size;

    public void append(byte[] leafHash) {
        byte[] hash = leafHash;
        long subtreeSize = 1;
        // merge equal-sized neighbours, as a binary counter carries
        while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == subtreeSize) {
            int last = sizes.size() - 1;
            hash = Merkle.nodeHash(perfect.remove(last), hash);
            sizes.remove(last);
            subtreeSize *= 2;
        }
        perfect.add(hash);
        sizes.add(subtreeSize);
        size++;
    }

    public long size() {
        return size;
    }

    /** MTH of the leaves appended so far. */
    public byte[] root() {
        if (perfect.isEmpty()) {
            return Merkle.emptyRoot();
        }
        byte[] root = perfect.get(perfect.size() - 1);
        for (int i = perfect.size() - 2; i >= 0; i--) {
            root = Merkle.nodeHash(perfect.get(i), root);
        }
        return root;
    }
}
