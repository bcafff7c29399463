package coop.tally.member;

/**
 * The only form in which an SSN leaves Tally: {@code ***-**-1234}. Staff confirm the last four
 * with a caller; nobody, auditors included, is shown the whole number.
 */
public final class SsnMask {

    private SsnMask() {
    }

    /** {@code "***-**-1234"} from the last four digits. */
    public static String ofLastFour(String lastFour) {
        requireLastFour(lastFour);
        return "***-**-" + lastFour;
    }

    /** The last four digits of a full SSN written as 9 digits, with or without dashes. */
    public static String lastFourOf(String ssn) {
        String digits = digitsOf(ssn);
        return digits.substring(5);
    }

    /** The 9 digits of an SSN written {@code 123-45-6789} or {@code 123456789}. */
    static String digitsOf(String ssn) {
        if (ssn == null || !ssn.matches("[0-9]{3}-?[0-9]{2}-?[0-9]{4}")) {
            throw new IllegalArgumentException("An SSN is nine digits, e.g. 123-45-6789");
        }
        return ssn.replace("-", "");
    }

    static String requireLastFour(String lastFour) {
        if (lastFour == null || !lastFour.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("The last four of an SSN are four digits");
        }
        return lastFour;
    }
}
