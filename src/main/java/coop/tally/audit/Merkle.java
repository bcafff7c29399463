package coop.tally.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 section 2.1 (the same as RFC 6962): leaf hash
 * {@code SHA-256(0x00 || data)}, interior node {@code SHA-256(0x01 || left || right)}, the empty
 * tree's hash is {@code SHA-256()}; a tree of n leaves splits at the largest power of two below n.
 *
 * <p>The methods take the leaf hashes (not the leaf data), because the ledger stores leaf hashes and
 * every proof is built from them. Proof generation is recursive over the range and costs O(n)
 * hashes; verification costs O(log n).
 */
public final class Merkle {

    public static final int HASH_BYTES = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private Merkle() {
    }

    /**
     * One digest per thread for leaf and node hashes: a walk of the tree hashes millions of times and
     * {@link MessageDigest#getInstance} looks the provider up each time.
     */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Merkle::sha256);

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = DIGEST.get();
        sha.reset(); // in case an earlier call failed half-way
        sha.update(LEAF_PREFIX);
        sha.update(data);
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = DIGEST.get();
        sha.reset(); // in case an earlier call failed half-way
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH of the first {@code size} leaves. */
    public static byte[] root(List<byte[]> leafHashes, int size) {
        checkSize(leafHashes, size);
        return size == 0 ? emptyRoot() : subtree(leafHashes, 0, size);
    }

    /** PATH(index, D[size]): the audit path of one leaf, from the leaf's sibling upwards. */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index, int size) {
        checkSize(leafHashes, size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(leafHashes, index, 0, size, path);
        return path;
    }

    /** PROOF(first, D[second]): proves the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int first, int second) {
        checkSize(leafHashes, second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("Cannot prove size " + first + " against size " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(leafHashes, first, 0, second, true, proof);
        }
        return proof;
    }

    /** RFC 9162 section 2.1.3.2. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    // the right edge of a smaller subtree: climb until this node is a right child again
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 section 2.1.4.2, plus the trivial cases it leaves out (first = 0, first = second). */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            // every tree extends the empty one; the only thing to check is the empty root itself
            return proof.isEmpty() && Arrays.equals(firstRoot, emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot) && sn == 0;
    }

    /** The largest power of two strictly below {@code n} (n ≥ 2). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        return nodeHash(subtree(leaves, from, from + k), subtree(leaves, from + k, to));
    }

    private static void path(List<byte[]> leaves, int index, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = split(n);
        if (index < k) {
            path(leaves, index, from, from + k, out);
            out.add(subtree(leaves, from + k, to));
        } else {
            path(leaves, index - k, from + k, to, out);
            out.add(subtree(leaves, from, from + k));
        }
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean whole, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!whole) {
                out.add(subtree(leaves, from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, whole, out);
            out.add(subtree(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, out);
            out.add(subtree(leaves, from, from + k));
        }
    }

    private static void checkSize(List<byte[]> leaves, int size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("Tree size " + size + " outside 0.." + leaves.size());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
