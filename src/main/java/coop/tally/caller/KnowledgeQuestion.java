package coop.tally.caller;

/** The questions a rep may ask; two different ones, both answered right, give BASIC. */
public enum KnowledgeQuestion {
    DATE_OF_BIRTH("dateOfBirth"),
    SSN_LAST4("ssnLast4"),
    ZIP("zip"),
    /** The amount of one of the member's recent transactions, e.g. "125.00" or "$1,250.00". */
    RECENT_AMOUNT("recentAmount");

    private final String field;

    KnowledgeQuestion(String field) {
        this.field = field;
    }

    /** The JSON field name the answer comes in. */
    public String field() {
        return field;
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
