package coop.tally.dayclose.rule;

import java.util.List;

/**
 * A drawer counted out of tolerance holds the close back until a supervisor (not its rep) has
 * approved its close: its over/short is part of the day's cash.
 */
public final class NoDrawerAwaitingApprovalRule implements CloseRule {

    public static final String CODE = "DRAWER_AWAITING_APPROVAL";

    @Override
    public List<CloseBlocker> check(CloseFacts facts) {
        return facts.drawers().stream()
                .filter(drawer -> "AWAITING_APPROVAL".equals(drawer.state()))
                .map(drawer -> new CloseBlocker(CODE, "DRAWER", drawer.id(), drawer.owner(),
                        "Drawer " + drawer.id() + " of " + drawer.owner() + " (business date " + drawer.businessDate()
                                + ") was counted out of tolerance and waits for a supervisor's approval."))
                .toList();
    }
}
