package coop.tally.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The growing tree and its frontier: roots against the RFC 6962 reference implementation's published
 * roots of its eight test leaves, and a tree resumed from its saved frontier at any size giving the
 * same roots as the tree that saw every leaf.
 */
class TreeHeadTest {

    private static final HexFormat HEX = HexFormat.of();

    private static List<byte[]> ctLeafHashes() {
        return CtMerkleVectors.LEAVES.stream().map(Merkle::leafHash).toList();
    }

    @Test
    void rootsAreThePublishedOnes() {
        TreeHead tree = new TreeHead();
        assertArrayEquals(Merkle.emptyRoot(), tree.root());
        List<byte[]> leaves = ctLeafHashes();
        for (int size = 1; size <= leaves.size(); size++) {
            tree.append(leaves.get(size - 1));
            assertEquals(CtMerkleVectors.ROOTS.get(size - 1), HEX.formatHex(tree.root()), "size " + size);
            assertEquals(Long.bitCount(size), tree.frontier().size());
        }
    }

    @Test
    void aTreeResumedFromItsFrontierGrowsAsTheWholeTree() {
        List<byte[]> leaves = ctLeafHashes();
        for (int cut = 0; cut <= leaves.size(); cut++) {
            TreeHead whole = new TreeHead();
            leaves.subList(0, cut).forEach(whole::append);
            TreeHead resumed = TreeHead.resume(cut, whole.frontier());
            assertEquals(cut, resumed.size());
            assertArrayEquals(whole.root(), resumed.root());
            for (int size = cut + 1; size <= leaves.size(); size++) {
                resumed.append(leaves.get(size - 1));
                assertEquals(CtMerkleVectors.ROOTS.get(size - 1), HEX.formatHex(resumed.root()), "cut " + cut + ", size " + size);
            }
        }
    }

    @Test
    void aLargerTreeResumedAtEverySizeMatchesTheReference() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            leaves.add(Merkle.leafHash(new byte[]{(byte) i, (byte) (i >> 8)}));
        }
        for (int cut = 0; cut <= leaves.size(); cut += 7) {
            TreeHead whole = new TreeHead();
            leaves.subList(0, cut).forEach(whole::append);
            TreeHead resumed = TreeFrontiers.parse(cut, TreeFrontiers.format(whole.frontier()));
            for (int size = cut + 1; size <= leaves.size(); size++) {
                resumed.append(leaves.get(size - 1));
                assertArrayEquals(Merkle.root(leaves, size), resumed.root(), "cut " + cut + ", size " + size);
            }
        }
    }

    @Test
    void aFrontierThatCannotBeOfItsSizeIsRefused() {
        TreeHead three = new TreeHead();
        ctLeafHashes().subList(0, 3).forEach(three::append);
        String saved = TreeFrontiers.format(three.frontier());
        assertNull(TreeFrontiers.parse(4, saved), "4 leaves make one perfect subtree, not two");
        assertNull(TreeFrontiers.parse(3, saved.substring(1)));
        assertNull(TreeFrontiers.parse(3, "zz" + saved.substring(2)));
        assertNull(TreeFrontiers.parse(3, null));
        assertArrayEquals(three.root(), TreeFrontiers.parse(3, saved).root());
        assertThrows(IllegalArgumentException.class, () -> TreeHead.resume(2, three.frontier()));
    }
}
