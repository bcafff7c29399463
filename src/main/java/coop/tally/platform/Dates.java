package coop.tally.platform;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads the dates and months a request names, the same way everywhere: ISO-8601 only, no calendar
 * leniency (2025-02-30 is no date), and a bad one refused as 400 {@code FIELD_INVALID} naming the
 * field or parameter, so a client handles one code whichever endpoint it called.
 */
public final class Dates {

    public static final String INVALID = "FIELD_INVALID";

    private Dates() {
    }

    /** {@code text} as a date written yyyy-MM-dd, or a refusal naming {@code field}. */
    public static LocalDate parse(String field, String text) {
        try {
            return LocalDate.parse(require(field, text, "a date such as 2025-03-14"));
        } catch (DateTimeParseException invalid) {
            throw invalid(field, "a date such as 2025-03-14");
        }
    }

    /** {@code text} as a month written yyyy-MM, or a refusal naming {@code field}. */
    public static YearMonth parseMonth(String field, String text) {
        // YearMonth.parse also takes a year of more than four digits; a month in a request is always seven characters
        if (require(field, text, "a month such as 2026-01").length() != 7) {
            throw invalid(field, "a month such as 2026-01");
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException invalid) {
            throw invalid(field, "a month such as 2026-01");
        }
    }

    private static String require(String field, String text, String what) {
        if (text == null) {
            throw invalid(field, what);
        }
        return text;
    }

    private static Refusal invalid(String field, String what) {
        return Refusal.invalid(INVALID, field + " is " + what + ".", Map.of("field", field));
    }
}
