package coop.tally.dayclose.rule;

import java.util.List;

/**
 * A drawer still taking cash holds the close back, whatever its business date: its rep counts it
 * first, or the day's cash would be reported without it (a drawer left open by an earlier day that
 * was advanced without a close counts too, since nothing else would ever bring it back).
 */
public final class NoOpenDrawerRule implements CloseRule {

    public static final String CODE = "DRAWER_OPEN";

    @Override
    public List<CloseBlocker> check(CloseFacts facts) {
        return facts.drawers().stream()
                .filter(drawer -> "OPEN".equals(drawer.state()))
                .map(drawer -> new CloseBlocker(CODE, "DRAWER", drawer.id(), drawer.owner(),
                        "Drawer " + drawer.id() + " of " + drawer.owner() + " (business date " + drawer.businessDate()
                                + ") is open: its rep counts it and closes it first."))
                .toList();
    }
}
