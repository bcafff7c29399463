package coop.tally.audit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealerStartsTest {

    private static final long SECOND = 1_000_000;
    private static final Duration DELAY = Duration.ofSeconds(60);

    @Test
    void an_entry_posted_before_a_crash_and_sealed_by_the_next_start_is_excused() {
        SealerStarts starts = new SealerStarts(new long[] {1_000 * SECOND});
        // posted at 100 s, the server died, a sealer started at 1,000 s and sealed it 2 s later
        assertTrue(starts.explainsLateness(100 * SECOND, 1_002 * SECOND, DELAY));
        // up to the usual delay after the start, and not a microsecond more
        assertTrue(starts.explainsLateness(100 * SECOND, 1_060 * SECOND, DELAY));
        assertFalse(starts.explainsLateness(100 * SECOND, 1_060 * SECOND + 1, DELAY));
    }

    @Test
    void a_late_leaf_far_from_any_start_stays_late() {
        SealerStarts starts = new SealerStarts(new long[] {1_000 * SECOND, 5_000 * SECOND});
        // backdated to 100 s but written, and sealed, while a sealer ran: at 3,000 s
        assertFalse(starts.explainsLateness(100 * SECOND, 3_000 * SECOND, DELAY));
        // only the first start after the posting counts: a sealer ran from 1,000 s on and would have sealed it then
        assertFalse(starts.explainsLateness(100 * SECOND, 5_010 * SECOND, DELAY));
        // no start after the posting at all
        assertFalse(starts.explainsLateness(6_000 * SECOND, 7_000 * SECOND, DELAY));
        assertFalse(new SealerStarts(new long[0]).explainsLateness(100 * SECOND, 1_002 * SECOND, DELAY));
    }

    @Test
    void a_start_at_the_very_moment_of_posting_counts() {
        SealerStarts starts = new SealerStarts(new long[] {500 * SECOND, 100 * SECOND});
        assertTrue(starts.explainsLateness(100 * SECOND, 130 * SECOND + DELAY.toSeconds() * SECOND - 30 * SECOND, DELAY));
    }
}
