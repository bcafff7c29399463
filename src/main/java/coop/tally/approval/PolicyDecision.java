package coop.tally.approval;

import java.util.Objects;

/**
 * What one policy says about a request: it needs a supervisor's override for {@code reason}. A
 * policy that has nothing to say returns no decision at all, and the request goes ahead. (What no
 * override can lift is refused by a rule, never by a policy.)
 *
 * @param reason   a stable UPPER_SNAKE_CASE code, e.g. CASH_LIMIT
 * @param message  a sentence for the rep and the supervisor, naming no balance
 */
public record PolicyDecision(String reason, String message) {

    public PolicyDecision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public static PolicyDecision override(String reason, String message) {
        return new PolicyDecision(reason, message);
    }
}
