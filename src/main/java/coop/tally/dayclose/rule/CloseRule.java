package coop.tally.dayclose.rule;

import java.util.List;

/** One precondition of the close: no database, no clock, no side effects. */
@FunctionalInterface
public interface CloseRule {

    /** Everything this rule finds holding the close back; empty when it lets the close through. */
    List<CloseBlocker> check(CloseFacts facts);
}
