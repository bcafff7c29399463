package coop.tally.caller;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The third failed verification attempt within 24 hours locks the member's phone access, whichever
 * reps took the calls: a fraudster spreading guesses over several calls and reps is the case this
 * exists for. Failures before the last supervisor unlock do not count again.
 */
public final class LockoutRule {

    public static final int FAILURES_TO_LOCK = 3;
    public static final Duration WINDOW = Duration.ofHours(24);

    private LockoutRule() {
    }

    /** The earliest failure time that still counts at {@code now}. */
    public static Instant countFrom(Instant now, Instant lastUnlock) {
        Instant windowStart = now.minus(WINDOW);
        return lastUnlock != null && lastUnlock.isAfter(windowStart) ? lastUnlock : windowStart;
    }

    /** True when the failures on record (including the one just made) lock the member at {@code now}. */
    public static boolean locks(Collection<Instant> failures, Instant now, Instant lastUnlock) {
        Instant from = countFrom(now, lastUnlock);
        long counted = failures.stream().filter(at -> !at.isBefore(from)).count();
        return counted >= FAILURES_TO_LOCK;
    }
}
