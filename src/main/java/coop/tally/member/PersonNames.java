package coop.tally.member;

import java.util.regex.Pattern;

/**
 * What a member's first or last name may be: letters of any script, with the spaces, hyphens,
 * apostrophes and periods names are written with, starting with a letter, at most 60 characters,
 * no leading or trailing space. Digits, symbols and control characters are never part of a name.
 */
public final class PersonNames {

    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} .'\u2019-]{0,59}");

    private PersonNames() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches() && name.strip().length() == name.length();
    }
}
