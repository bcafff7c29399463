package coop.tally.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SealingOrderTest {

    @Test
    void inOrderLeavesAreNotSuspect() {
        assertEquals(List.of(), SealingOrder.displaced(new long[]{1, 2, 5, 9, 10}, new long[]{1, 1, 2, 3, 3}, 5));
        assertEquals(List.of(), SealingOrder.displaced(new long[0], new long[0], 0));
    }

    @Test
    void aLateCommitSealedInALaterPassIsNotSuspect() {
        // entry 3 committed after 4 was sealed: the next pass sealed it, after 4
        assertEquals(List.of(), SealingOrder.displaced(new long[]{1, 2, 4, 3, 5}, new long[]{10, 10, 10, 20, 20}, 5));
        // many late commits, as four clients posting at once give
        assertEquals(List.of(), SealingOrder.displaced(new long[]{1, 3, 5, 8, 2, 4, 9, 6, 7, 12, 10, 11},
                new long[]{1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4}, 12));
    }

    @Test
    void twoSwappedLeafRowsAreNamedByTheirSealingTimes() {
        long[] ids = {10, 60, 30, 40, 50, 20, 70};
        long[] sealedAt = {1, 6, 3, 4, 5, 2, 7};
        assertEquals(List.of(1L, 5L), SealingOrder.displaced(ids, sealedAt, 7));
    }

    @Test
    void twoEntriesSwappedWithinOnePassAreNamed() {
        long[] ids = {10, 50, 30, 40, 20, 60};
        long[] sealedAt = {5, 5, 5, 5, 5, 5};
        assertEquals(List.of(1L, 4L), SealingOrder.displaced(ids, sealedAt, 6));
    }

    @Test
    void onlyTheFirstSizeLeavesOfGrowableBuffersCount() {
        long[] ids = {1, 2, 3, 0, 0, 0, 0, 0};
        long[] sealedAt = {1, 2, 3, 0, 0, 0, 0, 0};
        assertEquals(List.of(), SealingOrder.displaced(ids, sealedAt, 3));
    }
}
