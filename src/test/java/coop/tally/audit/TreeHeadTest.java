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

    /** The eight leaves of certificate-transparency's merkle_tree_test (hex leaf data). */
    private static final List<String> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Their published roots for sizes 1..8. */
    private static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static List<byte[]> ctLeafHashes() {
        return CT_LEAVES.stream().map(data -> Merkle.leafHash(HEX.parseHex(data))).toList();
    }

    @Test
    void rootsAreThePublishedOnes() {
        TreeHead tree = new TreeHead();
        assertArrayEquals(Merkle.emptyRoot(), tree.root());
        List<byte[]> leaves = ctLeafHashes();
        for (int size = 1; size <= leaves.size(); size++) {
            tree.append(leaves.get(size - 1));
            assertEquals(CT_ROOTS.get(size - 1), HEX.formatHex(tree.root()), "size " + size);
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
                assertEquals(CT_ROOTS.get(size - 1), HEX.formatHex(resumed.root()), "cut " + cut + ", size " + size);
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
