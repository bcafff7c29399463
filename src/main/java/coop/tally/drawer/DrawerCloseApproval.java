package coop.tally.drawer;

import coop.tally.approval.ApprovalExecutor;
import coop.tally.approval.ApprovalKind;
import coop.tally.approval.ApprovalRequest;
import coop.tally.web.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Closes a drawer counted out of tolerance once a supervisor approved it in the queue: the
 * over/short is posted and the counted cash returns to the vault. The approval queue already
 * refused the rep's own approval; {@link CloseApproval} checks again that the approver is not the
 * drawer's owner and that the drawer still waits (a second run changes nothing).
 */
@ApplicationScoped
public class DrawerCloseApproval implements ApprovalExecutor {

    @Inject
    DrawerClose drawers;

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.DRAWER_CLOSE;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Executed execute(ApprovalRequest request, String approver, String reason) {
        long drawerId = request.payload().getJsonNumber("drawerId").longValue();
        Drawer drawer = drawers.approveClose(approver, drawerId, reason);
        return new Executed(null, JsonBuilders.JSON.createObjectBuilder().add("drawerId", drawer.id())
                .add("state", drawer.state().name()).add("overShort", drawer.overShort().toPlainString()).build());
    }
}
