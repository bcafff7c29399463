package coop.tally.web;

import java.util.List;

/**
 * CSV as RFC 4180 writes it: fields separated by commas, lines ended by CRLF, a field quoted when it
 * holds a comma, a quote, a line break or leading/trailing space, with its quotes doubled. A field
 * that a spreadsheet would run as a formula (starting with =, +, - or @ followed by a non-digit) is
 * prefixed with a quote character (OWASP's CSV injection advice), since members' names and
 * addresses are typed by people. Text is written as it is (UTF-8 by the caller), any script.
 */
public final class Csv {

    public static final String EOL = "\r\n";

    private Csv() {
    }

    /** One line of fields (null as empty), with its line end. */
    public static String line(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i) == null ? "" : fields.get(i).toString()));
        }
        return line.append(EOL).toString();
    }

    public static String field(String value) {
        String text = defused(value);
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || (!text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** A comment line for the reader of the file ({@code # text}), its line breaks folded into spaces. */
    public static String comment(String text) {
        return "# " + text.replace("\r", " ").replace("\n", " ") + EOL;
    }

    private static String defused(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && !(value.length() > 1 && (Character.isDigit(value.charAt(1)) || value.charAt(1) == '.')));
        return formula ? "'" + value : value;
    }
}
