package coop.tally.caller;

import java.time.Duration;
import java.time.Instant;

/**
 * A call left idle ends by itself (15 minutes by default, {@code tally.call.idle}): a rep who walks
 * away from an open, verified call must not leave it for someone else to use.
 */
public record IdleTimeout(Duration idle) {

    public static final Duration DEFAULT = Duration.ofMinutes(15);

    public IdleTimeout {
        if (idle == null || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("The idle timeout must be positive");
        }
    }

    public boolean expired(Instant lastActivity, Instant now) {
        return now.isAfter(lastActivity.plus(idle));
    }
}
