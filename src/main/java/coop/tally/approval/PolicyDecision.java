package coop.tally.approval;

import java.util.Objects;

/**
 * What one policy says about a posting: it needs a supervisor's override for {@code reason}, or it
 * is refused outright with {@code reason} as the problem code. A policy that has nothing to say
 * returns no decision at all, and the posting goes ahead.
 *
 * @param refused  true for a refusal no override can lift
 * @param reason   a stable UPPER_SNAKE_CASE code, e.g. CASH_LIMIT or ACCOUNT_FROZEN
 * @param message  a sentence for the rep and the supervisor, naming no balance
 */
public record PolicyDecision(boolean refused, String reason, String message) {

    public PolicyDecision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public static PolicyDecision override(String reason, String message) {
        return new PolicyDecision(false, reason, message);
    }

    public static PolicyDecision refuse(String reason, String message) {
        return new PolicyDecision(true, reason, message);
    }
}
