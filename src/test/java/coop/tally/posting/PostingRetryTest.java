package coop.tally.posting;

import org.junit.jupiter.api.Test;

import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostingRetryTest {

    /** What Derby raises when it cannot take an identity range at once, as the persistence layer wraps it. */
    private static RuntimeException identityRangeRefused() {
        return new IllegalStateException("insert failed",
                new SQLTransactionRollbackException("A lock could not be obtained within the time requested", "40XL1"));
    }

    @Test
    void a_lost_race_is_run_again_until_it_wins() {
        AtomicInteger runs = new AtomicInteger();
        String answer = PostingResource.withRetry(() -> {
            if (runs.incrementAndGet() < 3) {
                throw identityRangeRefused();
            }
            return "posted";
        });
        assertEquals("posted", answer);
        assertEquals(3, runs.get());
    }

    @Test
    void a_race_lost_every_time_gives_up_after_three_runs() {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException last = assertThrows(IllegalStateException.class, () -> PostingResource.withRetry(() -> {
            runs.incrementAndGet();
            throw identityRangeRefused();
        }));
        assertEquals(3, runs.get());
        assertEquals("40XL1", ((SQLTransactionRollbackException) last.getCause()).getSQLState());
    }

    @Test
    void any_other_failure_is_not_run_again() {
        AtomicInteger runs = new AtomicInteger();
        IllegalArgumentException refused = new IllegalArgumentException("INSUFFICIENT_FUNDS");
        assertSame(refused, assertThrows(IllegalArgumentException.class, () -> PostingResource.withRetry(() -> {
            runs.incrementAndGet();
            throw refused;
        })));
        assertEquals(1, runs.get());
    }
}
