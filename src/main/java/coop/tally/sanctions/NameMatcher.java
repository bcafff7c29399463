package coop.tally.sanctions;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the SDN entry most like a name, by Jaro-Winkler similarity of normalized names.
 *
 * <p>The whole name is compared in written order and word-sorted (so "Kartanov Borislav" meets
 * "KARTANOV, Borislav"), also against the listed person's first given name and surname alone (a
 * form seldom carries the middle names the list has). Jaro-Winkler rewards a shared beginning, so
 * "Kestrel Amadeo Smith" would come close to "ZORVATH, Kestrel Amadeo" on the whole name alone; for
 * an individual the surname must therefore match on its own as well: the score is the lower of the
 * two. A score at or above the threshold is a possible match, which a person must look at.
 */
public final class NameMatcher {

    /** The default threshold: see README ("Sanctions screening") and NameMatcherTest for the near misses on both sides. */
    public static final double DEFAULT_THRESHOLD = 0.90;

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private final List<Candidate> candidates;
    private final double threshold;

    /** What the screening found: the closest entry (null for an empty list), its score, and whether it is a possible match. */
    public record Match(SdnEntry entry, double score, boolean possible) {
    }

    /** A listed name prepared for comparison: its written forms and, for an individual, the surname. */
    record Candidate(SdnEntry entry, List<String> forms, String surname) {

        static Candidate of(SdnEntry entry) {
            String written = SanctionsNames.normalize(entry.name());
            List<String> forms = new ArrayList<>(List.of(written));
            String surname = null;
            int comma = entry.name().indexOf(',');
            if (comma > 0) {
                surname = SanctionsNames.normalize(entry.name().substring(0, comma));
                String given = SanctionsNames.normalize(entry.name().substring(comma + 1));
                if (given.contains(" ")) {
                    forms.add(given.substring(0, given.indexOf(' ')) + " " + surname);
                }
            }
            return new Candidate(entry, forms, surname == null || surname.isEmpty() ? null : surname);
        }

        double score(String name) {
            String sorted = SanctionsNames.sortedWords(name);
            double whole = 0;
            for (String form : forms) {
                whole = Math.max(whole, Math.max(SIMILARITY.apply(name, form), SIMILARITY.apply(sorted, SanctionsNames.sortedWords(form))));
            }
            return surname == null ? whole : Math.min(whole, surnameScore(name));
        }

        /** The best likeness of the surname to any run of one up to as many words of the name as the surname has. */
        private double surnameScore(String name) {
            String[] words = name.split(" ");
            int most = surname.split(" ").length;
            double best = 0;
            for (int length = 1; length <= most; length++) {
                for (int start = 0; start + length <= words.length; start++) {
                    String run = String.join(" ", java.util.Arrays.copyOfRange(words, start, start + length));
                    best = Math.max(best, SIMILARITY.apply(surname, run));
                }
            }
            return best;
        }
    }

    public NameMatcher(List<SdnEntry> entries, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("The sanctions match threshold must be above 0 and at most 1, not " + threshold);
        }
        this.threshold = threshold;
        this.candidates = entries.stream().map(Candidate::of).filter(candidate -> !candidate.forms().get(0).isEmpty()).toList();
    }

    public double threshold() {
        return threshold;
    }

    public int size() {
        return candidates.size();
    }

    public Match best(String name) {
        String written = SanctionsNames.normalize(name);
        if (written.isEmpty()) {
            return new Match(null, 0, false);
        }
        SdnEntry bestEntry = null;
        double bestScore = 0;
        for (Candidate candidate : candidates) {
            double score = candidate.score(written);
            if (score > bestScore) {
                bestScore = score;
                bestEntry = candidate.entry();
            }
        }
        return new Match(bestEntry, bestScore, bestEntry != null && bestScore >= threshold);
    }

    /** The score of a name against one listed name, as {@link #best} computes it. */
    public static double score(String name, String listed) {
        return Candidate.of(new SdnEntry(0, listed, "", "")).score(SanctionsNames.normalize(name));
    }
}
