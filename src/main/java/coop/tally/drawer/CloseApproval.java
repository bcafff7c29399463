package coop.tally.drawer;

import coop.tally.money.Money;
import coop.tally.platform.Refusal;

/**
 * The out-of-tolerance rule of a drawer close, and who may approve such a close. A close beyond
 * tolerance waits in the supervisors' approval queue ({@link DrawerCloseApproval}); the queue's
 * approve endpoint is for SUPERVISORs only and refuses the request's maker, and this class checks
 * again, against the drawer itself, that its own rep does not approve it.
 */
public final class CloseApproval {

    private CloseApproval() {
    }

    /** True when the close needs a supervisor: the over or short is beyond the tolerance (either way). */
    public static boolean needsApproval(Money overShort, Money tolerance) {
        Money size = overShort.isNegative() ? overShort.negate() : overShort;
        return size.isGreaterThan(tolerance);
    }

    /**
     * Checks that {@code approver} (a supervisor) may approve the close of {@code drawer} with
     * {@code reason}: not the drawer's own rep, a reason given, and the drawer waiting for it.
     */
    public static void requireApprovable(Drawer drawer, String approver, String reason) {
        if (drawer.owner().equals(approver)) {
            throw Refusal.forbidden("SELF_APPROVAL", "A supervisor may not approve the close of their own drawer.");
        }
        if (drawer.state() != DrawerState.AWAITING_APPROVAL) {
            throw Refusal.conflict("DRAWER_NOT_AWAITING_APPROVAL", "The drawer is not waiting for a close approval.");
        }
        if (reason == null || reason.isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_REQUIRED", "Give the reason for approving the close.", java.util.Map.of("field", "reason"));
        }
    }
}
