package coop.tally.audit;

import java.util.ArrayList;
import java.util.List;

/** Collects problems, up to a limit so that a wholesale change still gives a readable answer. */
final class Findings {

    private static final int MAX_PROBLEMS = 1_000;

    private final List<Problem> problems = new ArrayList<>();
    private boolean truncated;

    void add(Problem problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else {
            truncated = true;
        }
    }

    /** Adds what another collection found, as if each had been added here. */
    void addAll(Findings other) {
        other.problems.forEach(this::add);
        truncated |= other.truncated;
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    boolean none() {
        return problems.isEmpty();
    }

    boolean truncated() {
        return truncated;
    }
}
