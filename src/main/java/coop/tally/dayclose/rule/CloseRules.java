package coop.tally.dayclose.rule;

import java.util.ArrayList;
import java.util.List;

/** Every precondition of the close, in the order their findings are listed. */
public final class CloseRules {

    private final List<CloseRule> rules;

    public CloseRules(List<CloseRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules the close is checked against. */
    public static CloseRules standard() {
        return new CloseRules(List.of(new NoOpenDrawerRule(), new NoDrawerAwaitingApprovalRule()));
    }

    /** Everything holding the close back, from every rule; empty when the day may close. */
    public List<CloseBlocker> blockers(CloseFacts facts) {
        List<CloseBlocker> found = new ArrayList<>();
        rules.forEach(rule -> found.addAll(rule.check(facts)));
        return found;
    }
}
