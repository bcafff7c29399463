package coop.tally.member;

import java.util.Optional;

/**
 * Phone numbers as Tally stores and compares them: E.164 for the North American plan,
 * {@code +1} and ten digits ({@code +13125550101}). Callers type numbers any way they like and
 * caller ID arrives in yet another form; normalizing both sides makes them comparable.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * The stored form of a number written with any punctuation, or empty when it is not a
     * ten-digit North American number (optionally with the country code 1).
     */
    public static Optional<String> normalize(String written) {
        if (written == null) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(16);
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (" +-().".indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            digits.deleteCharAt(0);
        }
        if (digits.length() != 10 || digits.charAt(0) < '2') {
            return Optional.empty();
        }
        return Optional.of("+1" + digits);
    }

    /** Like {@link #normalize} for numbers that must be valid (entity construction). */
    static String require(String written) {
        return normalize(written).orElseThrow(() -> new IllegalArgumentException("Not a North American phone number"));
    }
}
