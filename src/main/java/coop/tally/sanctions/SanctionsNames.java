package coop.tally.sanctions;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Names as the matcher compares them: accents removed (NFD, marks dropped), lower case, punctuation
 * as spaces, single spaces; a Treasury-style {@code "LASTNAME, Firstname"} turned to
 * {@code "firstname lastname"}, as people write names on a form. Word order is the other common
 * difference ("Kartanov Borislav"), so {@link #sortedWords} gives an order-free form too.
 */
public final class SanctionsNames {

    private SanctionsNames() {
    }

    /** "ZORVATH, Kestrel-Amadéo" -> "kestrel amadeo zorvath". */
    public static String normalize(String name) {
        String text = name == null ? "" : name;
        int comma = text.indexOf(',');
        if (comma >= 0) {
            text = text.substring(comma + 1) + " " + text.substring(0, comma);
        }
        String unaccented = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        // a letter written as two (ß, æ, ø, ł) has no decomposition; spell it out
        unaccented = unaccented.replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE")
                .replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L");
        String lower = unaccented.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
        return lower.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The normalized words in alphabetical order: "kartanov borislav" and "borislav kartanov" agree. */
    public static String sortedWords(String normalized) {
        if (normalized.isEmpty()) {
            return normalized;
        }
        String[] words = normalized.split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }
}
