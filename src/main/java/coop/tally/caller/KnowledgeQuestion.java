package coop.tally.caller;

/** The questions a rep may ask; two different ones, both answered right, give BASIC. */
public enum KnowledgeQuestion {
    DATE_OF_BIRTH("dateOfBirth", "a date written YYYY-MM-DD"),
    SSN_LAST4("ssnLast4", "four digits"),
    ZIP("zip", "a ZIP code (five digits, or ZIP+4)"),
    /** The amount of one of the member's recent transactions, e.g. "125.00" or "$1,250.00". */
    RECENT_AMOUNT("recentAmount", "an amount such as 125.00");

    private final String field;
    private final String expected;

    KnowledgeQuestion(String field, String expected) {
        this.field = field;
        this.expected = expected;
    }

    /** What an answer looks like, for the rep. */
    public String expected() {
        return expected;
    }

    /** The JSON field name the answer comes in. */
    public String field() {
        return field;
    }

    /**
     * Whether the answer is an answer to this question at all: a date (YYYY-MM-DD), four digits, a
     * ZIP or ZIP+4, an amount. One that is not (a rep typing into the wrong field, a caller's "I
     * don't know") is sent back to the rep and does not use up one of the member's tries.
     */
    public boolean isAnswer(String answer) {
        if (answer == null) {
            return false;
        }
        String trimmed = answer.strip();
        return switch (this) {
            case DATE_OF_BIRTH -> isDate(trimmed);
            case SSN_LAST4 -> trimmed.matches("\\d{4}");
            case ZIP -> trimmed.matches("\\d{5}(-?\\d{4})?");
            case RECENT_AMOUNT -> !normalize(trimmed).isEmpty();
        };
    }

    private static boolean isDate(String text) {
        try {
            java.time.LocalDate.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException notADate) {
            return false;
        }
    }

    /**
     * The answer as compared: trimmed, and for the digits-only questions without separators, so
     * that "60657-1234" and "60657" are the same ZIP and "1978-04-12" the same date as typed.
     */
    public String normalize(String answer) {
        if (answer == null) {
            return "";
        }
        String trimmed = answer.strip();
        return switch (this) {
            case DATE_OF_BIRTH -> trimmed;
            case SSN_LAST4 -> trimmed.replaceAll("\\D", "");
            case ZIP -> {
                String digits = trimmed.replaceAll("\\D", "");
                yield digits.length() > 5 ? digits.substring(0, 5) : digits;
            }
            case RECENT_AMOUNT -> amount(trimmed.replace("$", "").replace(",", ""));
        };
    }

    /** An amount as a plain two-decimal string, or "" when it is not one (which matches nothing). */
    private static String amount(String text) {
        if (!text.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            return "";
        }
        return new java.math.BigDecimal(text).setScale(2).toPlainString();
    }
}
