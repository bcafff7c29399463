package coop.tally.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SealingOrderTest {

    @Test
    void inOrderLeavesAreNotSuspect() {
        assertEquals(List.of(), SealingOrder.displaced(new long[]{1, 2, 5, 9, 10}, 5));
        assertEquals(List.of(), SealingOrder.displaced(new long[0], 0));
    }

    @Test
    void twoSwappedLeavesAreNamed() {
        assertEquals(List.of(1L, 5L), SealingOrder.displaced(new long[]{10, 60, 30, 40, 50, 20, 70}, 7));
    }

    @Test
    void aLateCommitDisplacesOneLeaf() {
        assertEquals(1, SealingOrder.displaced(new long[]{1, 2, 4, 3, 5}, 5).size());
    }
}
