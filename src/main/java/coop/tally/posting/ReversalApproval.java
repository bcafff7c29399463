package coop.tally.posting;

import coop.tally.approval.ApprovalExecutor;
import coop.tally.approval.ApprovalKind;
import coop.tally.approval.ApprovalRequest;
import coop.tally.staff.StaffDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.Set;

/** Carries out an approved reversal as the rep who asked for it: posted once (an entry is reversed at most once). */
@ApplicationScoped
public class ReversalApproval implements ApprovalExecutor {

    @Inject
    ReversalService reversals;

    @Inject
    StaffDirectory staff;

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.REVERSAL;
    }

    @Override
    public Executed execute(ApprovalRequest approval, String approver, String approvalReason) {
        JsonObject payload = approval.payload();
        PostingService.Actor maker = PostingApproval.maker(staff, approval.requestedBy());
        JsonObject result = PostingResource.withRetry(() -> reversals.reverseApproved(maker,
                payload.getJsonNumber("entryId").longValue(), ReversalReason.valueOf(payload.getString("reasonCode")),
                payload.getString("memo", null),
                new PostingService.ApprovedBy(approval.id(), approver, Set.of("REVERSAL"))));
        return new Executed(result.getJsonObject("entry").getJsonNumber("id").longValue(), result);
    }
}
