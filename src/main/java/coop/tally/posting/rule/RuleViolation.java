package coop.tally.posting.rule;


import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why a rule refuses a posting: a stable upper-snake-case code (the problem's {@code code}) and a
 * sentence for the rep that names no balances or other member data.
 */
public record RuleViolation(String code, String message) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public RuleViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A violation code is UPPER_SNAKE_CASE: " + code);
        }
    }

    /** The violation as the 422 refusal the service throws. */
    public PostingRefused toRefusal() {
        return PostingRefused.refused(code, message, Map.of());
    }
}
