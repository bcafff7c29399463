package coop.tally.web;

import java.util.Arrays;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them (CRLF, fields with a comma, quote or line break
 * quoted, quotes doubled), made safe for spreadsheets: a text field that begins with a character a
 * spreadsheet would run as a formula (= + - @, tab, carriage return) gets a leading apostrophe, so
 * that a memo typed by anyone can never become a formula on an auditor's machine. Numbers written
 * through {@link #number} are left as they are, a negative amount included.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder();

    /** A number (an amount, an id): written as it is, never prefixed. */
    public record Number(String digits) {
    }

    public static Number number(Object value) {
        return new Number(String.valueOf(value));
    }

    /** One row; null is an empty field. */
    public Csv row(Object... fields) {
        return row(Arrays.asList(fields));
    }

    public Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String raw = value instanceof Number number ? number.digits() : defused(String.valueOf(value));
        boolean quote = raw.indexOf(',') >= 0 || raw.indexOf('"') >= 0 || raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0;
        return quote ? '"' + raw.replace("\"", "\"\"") + '"' : raw;
    }

    private static String defused(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
