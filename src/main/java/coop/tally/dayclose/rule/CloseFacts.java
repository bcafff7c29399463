package coop.tally.dayclose.rule;

import java.time.LocalDate;
import java.util.List;

/**
 * What the close of a business day is checked against, read under the business day's lock. A new
 * precondition that needs other facts (say, cash handed between drawers and not yet accepted) adds
 * them here and a rule of its own to {@link CloseRules}.
 */
public record CloseFacts(LocalDate businessDate, List<UnclosedDrawer> drawers) {

    public CloseFacts {
        drawers = List.copyOf(drawers);
    }

    /** A drawer that is not closed; {@code state} is OPEN or AWAITING_APPROVAL. */
    public record UnclosedDrawer(long id, String owner, LocalDate businessDate, String state) {
    }
}
