package coop.tally.member;

import java.util.Locale;

/**
 * The lower-cased forms of names kept in {@code member.last_name_key} and
 * {@code member.full_name_key} so that a case-insensitive prefix search can use a plain index
 * on Derby and PostgreSQL alike. One function for the entity, the demo loader and the search, so
 * that stored keys and typed queries always agree.
 */
public final class NameKeys {

    private NameKeys() {
    }

    /** Lower case, trimmed, inner runs of spaces made single. */
    public static String of(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public static String fullName(String firstName, String lastName) {
        return of(firstName + " " + lastName);
    }
}
