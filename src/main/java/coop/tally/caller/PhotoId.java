package coop.tally.caller;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A photo ID as the rep records it at the counter: its type, the last four characters of its
 * number (never more: the full number is not the credit union's to keep) and its expiry date.
 */
public record PhotoId(PhotoIdType type, String last4, LocalDate expires) {

    private static final Pattern LAST_FOUR = Pattern.compile("[A-Z0-9]{4}");

    public PhotoId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(expires, "expires");
        if (last4 == null || !LAST_FOUR.matcher(last4).matches()) {
            throw new IllegalArgumentException("The last four of an ID number are four letters or digits.");
        }
    }

    /** True when {@code last4} is a valid "last four": exactly four upper-case letters or digits. */
    public static boolean validLastFour(String last4) {
        return last4 != null && LAST_FOUR.matcher(last4).matches();
    }

    /** "DRIVERS_LICENSE ****1234 expires 2029-05-31", as the visit's log shows it. */
    public String describe() {
        return type + " ****" + last4 + " expires " + expires;
    }
}
