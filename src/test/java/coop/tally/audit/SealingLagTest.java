package coop.tally.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SealingLagTest {

    @Test
    void percentiles_are_nearest_rank_over_the_sealed_entries_whatever_their_order() {
        List<Long> lags = new java.util.ArrayList<>();
        for (long ms = 100; ms >= 1; ms--) {
            lags.add(ms * 10);
        }
        SealingLag lag = SealingLag.of(lags, List.of());
        assertEquals(100, lag.entries());
        assertEquals(100, lag.sealed());
        assertEquals(500, lag.p50Millis());
        assertEquals(990, lag.p99Millis());
        assertEquals(1000, lag.maxMillis());
        assertEquals(0, lag.oldestUnsealedMillis());
    }

    @Test
    void with_few_entries_the_p99_is_the_slowest_and_the_unsealed_count_apart_with_the_oldest_age() {
        SealingLag lag = SealingLag.of(List.of(300L, 1200L, 700L), List.of(50L, 2500L));
        assertEquals(5, lag.entries());
        assertEquals(3, lag.sealed());
        assertEquals(700, lag.p50Millis());
        assertEquals(1200, lag.p99Millis());
        assertEquals(1200, lag.maxMillis());
        assertEquals(2500, lag.oldestUnsealedMillis());
    }

    @Test
    void nothing_posted_gives_zeros() {
        assertEquals(new SealingLag(0, 0, 0, 0, 0, 0), SealingLag.of(List.of(), List.of()));
        assertEquals(7, SealingLag.nearestRank(new long[] {7}, 1));
    }
}
