package coop.tally.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Merkle hashing, inclusion and consistency proofs against a reference written straight from the
 * RFC 9162 section 2.1 definitions (on leaf data, recursively, sharing no code with {@link Merkle}),
 * for the empty tree and 1..8 leaves, every (leaf, size) and every pair of sizes; and the RFC 6962
 * reference implementation's published roots for its eight test leaves.
 */
class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();

    // ---- the reference: RFC 9162 section 2.1.1 to 2.1.4, literally, on leaf data ----

    private static byte[] sha(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha();
        }
        if (n == 1) {
            return sha(new byte[]{0}, d.get(0));
        }
        int k = largestPowerOfTwoBelow(n);
        return sha(new byte[]{1}, mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    private static List<byte[]> refPath(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            out.addAll(refPath(m, d.subList(0, k)));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(refPath(m - k, d.subList(k, n)));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    private static List<byte[]> refSubproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            out.addAll(refSubproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(refSubproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    // ---- the tests ----

    private static List<byte[]> leafData(int n) {
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            data.add(("leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
        return data;
    }

    private static List<byte[]> leafHashes(List<byte[]> data) {
        return data.stream().map(Merkle::leafHash).toList();
    }

    @Test
    void emptyTreeIsTheHashOfNothing() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HEX.formatHex(Merkle.root(List.of(), 0)));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HEX.formatHex(new TreeHead().root()));
    }

    @Test
    void rootsOfTheRfc6962ReferenceLeaves() {
        List<byte[]> hashes = leafHashes(CtMerkleVectors.LEAVES);
        TreeHead head = new TreeHead();
        for (int size = 1; size <= 8; size++) {
            head.append(hashes.get(size - 1));
            assertEquals(CtMerkleVectors.ROOTS.get(size - 1), HEX.formatHex(Merkle.root(hashes, size)), "size " + size);
            assertEquals(CtMerkleVectors.ROOTS.get(size - 1), HEX.formatHex(mth(CtMerkleVectors.LEAVES.subList(0, size))), "reference, size " + size);
            assertEquals(CtMerkleVectors.ROOTS.get(size - 1), HEX.formatHex(head.root()), "incremental, size " + size);
        }
    }

    @Test
    void rootsMatchTheReferenceForZeroToEightLeaves() {
        List<byte[]> data = leafData(8);
        List<byte[]> hashes = leafHashes(data);
        TreeHead head = new TreeHead();
        for (int size = 0; size <= 8; size++) {
            if (size > 0) {
                head.append(hashes.get(size - 1));
            }
            byte[] expected = mth(data.subList(0, size));
            assertArrayEquals(expected, Merkle.root(hashes, size), "size " + size);
            assertArrayEquals(expected, head.root(), "incremental, size " + size);
        }
    }

    @Test
    void incrementalRootsMatchForLargerTrees() {
        List<byte[]> hashes = leafHashes(leafData(70));
        TreeHead head = new TreeHead();
        for (int size = 1; size <= 70; size++) {
            head.append(hashes.get(size - 1));
            assertArrayEquals(Merkle.root(hashes, size), head.root(), "size " + size);
        }
    }

    @Test
    void inclusionProofForEveryLeafOfEverySize() {
        List<byte[]> data = leafData(8);
        List<byte[]> hashes = leafHashes(data);
        for (int size = 1; size <= 8; size++) {
            byte[] root = mth(data.subList(0, size));
            for (int leaf = 0; leaf < size; leaf++) {
                List<byte[]> expected = refPath(leaf, data.subList(0, size));
                List<byte[]> proof = Merkle.inclusionProof(hashes, leaf, size);
                String at = "leaf " + leaf + " size " + size;
                assertSameHashes(expected, proof, at);
                assertTrue(Merkle.verifyInclusion(leaf, size, hashes.get(leaf), proof, root), at);
                // any wrong input must fail
                assertFalse(Merkle.verifyInclusion(leaf, size, Merkle.leafHash(new byte[]{9}), proof, root), at);
                assertFalse(Merkle.verifyInclusion(leaf, size, hashes.get(leaf), proof, sha(root)), at);
                if (size > 1) {
                    assertFalse(Merkle.verifyInclusion((leaf + 1) % size, size, hashes.get(leaf), proof, root), at);
                    assertFalse(Merkle.verifyInclusion(leaf, size, hashes.get(leaf), proof.subList(1, proof.size()), root), at);
                    List<byte[]> bent = new ArrayList<>(proof);
                    bent.set(0, sha(bent.get(0)));
                    assertFalse(Merkle.verifyInclusion(leaf, size, hashes.get(leaf), bent, root), at);
                }
            }
            assertFalse(Merkle.verifyInclusion(size, size, hashes.get(0), List.of(), root));
        }
    }

    @Test
    void consistencyProofForEveryPairOfSizes() {
        List<byte[]> data = leafData(8);
        List<byte[]> hashes = leafHashes(data);
        for (int second = 0; second <= 8; second++) {
            byte[] secondRoot = mth(data.subList(0, second));
            for (int first = 0; first <= second; first++) {
                byte[] firstRoot = mth(data.subList(0, first));
                String at = first + " -> " + second;
                List<byte[]> expected = first == 0 || first == second ? List.of()
                        : refSubproof(first, data.subList(0, second), true);
                List<byte[]> proof = Merkle.consistencyProof(hashes, first, second);
                assertSameHashes(expected, proof, at);
                assertTrue(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, proof), at);
                assertFalse(Merkle.verifyConsistency(first, second, sha(firstRoot), secondRoot, proof), at);
                if (first > 0) {
                    // the empty tree is a prefix of every tree: only a non-empty first tree constrains the second
                    assertFalse(Merkle.verifyConsistency(first, second, firstRoot, sha(secondRoot), proof), at);
                }
                if (!proof.isEmpty()) {
                    List<byte[]> bent = new ArrayList<>(proof);
                    bent.set(bent.size() - 1, sha(bent.get(bent.size() - 1)));
                    assertFalse(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, bent), at);
                    assertFalse(Merkle.verifyConsistency(first, second, firstRoot, secondRoot,
                            proof.subList(0, proof.size() - 1)), at);
                }
            }
        }
    }

    @Test
    void aDifferentPrefixIsNotConsistent() {
        List<byte[]> data = leafData(8);
        List<byte[]> other = new ArrayList<>(data);
        other.set(1, "changed".getBytes(StandardCharsets.UTF_8));
        byte[] firstRoot = mth(other.subList(0, 3));
        List<byte[]> proof = Merkle.consistencyProof(leafHashes(data), 3, 8);
        assertFalse(Merkle.verifyConsistency(3, 8, firstRoot, mth(data), proof));
    }

    private static void assertSameHashes(List<byte[]> expected, List<byte[]> actual, String at) {
        assertEquals(expected.size(), actual.size(), at + ": proof length");
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(Arrays.equals(expected.get(i), actual.get(i)), at + ": proof element " + i);
        }
    }

    private static byte[] hex(String text) {
        return HEX.parseHex(text);
    }
}
