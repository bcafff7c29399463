package coop.tally.sanctions;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Treasury's {@code sdn.csv}: no header; twelve columns (ent_num, SDN_Name, SDN_Type, Program,
 * Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks); fields in double
 * quotes (a quote inside doubled), {@code -0-} for an empty field. The published file ends with a
 * SUB character (0x1A) on a line of its own, which is skipped. A malformed line is refused with its
 * line number: a list that screens against half its entries would clear names it should hold.
 */
public final class SdnCsv {

    static final int COLUMNS = 12;
    private static final String EMPTY = "-0-";

    private SdnCsv() {
    }

    public static List<SdnEntry> parse(String text) {
        List<SdnEntry> entries = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().equals("\u001A")) {
                continue;
            }
            List<String> fields = fields(line, i + 1);
            if (fields.size() != COLUMNS) {
                throw new IllegalArgumentException("SDN line " + (i + 1) + " has " + fields.size() + " fields, not " + COLUMNS);
            }
            long entNum;
            try {
                entNum = Long.parseLong(fields.get(0));
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("SDN line " + (i + 1) + " has no entry number");
            }
            String name = fields.get(1);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("SDN line " + (i + 1) + " has no name");
            }
            entries.add(new SdnEntry(entNum, name, fields.get(2), fields.get(3)));
        }
        return entries;
    }

    /** The fields of one line, unquoted, with {@code -0-} as empty. */
    static List<String> fields(String line, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(value(field));
                field.setLength(0);
                wasQuoted = false;
            } else if (!wasQuoted || !Character.isWhitespace(c)) {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("SDN line " + lineNumber + " has an unclosed quote");
        }
        fields.add(value(field));
        return fields;
    }

    private static String value(StringBuilder field) {
        String value = field.toString().strip();
        return value.equals(EMPTY) ? "" : value;
    }
}
