package coop.tally.posting;

import coop.tally.approval.ApprovalExecutor;
import coop.tally.approval.ApprovalRequest;
import coop.tally.caller.CallGate;
import coop.tally.platform.Refusal;
import coop.tally.sanctions.HeldAction;
import coop.tally.staff.StaffDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.HashSet;
import java.util.Set;

/**
 * An official check held for a sanctions review that a supervisor cleared: it posts now, as its
 * maker, re-running every rule (as {@link PostingApproval} does); the review's other reasons
 * (overrides the posting needed) are covered by the same decision.
 */
@ApplicationScoped
public class OfficialCheckRelease implements HeldAction {

    @Inject
    PostingService postings;

    @Inject
    StaffDirectory staff;

    @Inject
    CallGate callGate;

    @Override
    public String action() {
        return PayeeScreening.ACTION;
    }

    @Override
    public ApprovalExecutor.Executed proceed(ApprovalRequest review, JsonObject held, String approver, String reason) {
        PostingRequestReader.Read read = PostingRequestReader.read(held.getJsonObject("posting"));
        PostingService.Actor maker = PostingApproval.maker(staff, review.requestedBy());
        Set<String> covered = new HashSet<>();
        review.reasons().getValuesAs(JsonObject.class).forEach(item -> covered.add(item.getString("reason")));
        PostingService.ApprovedBy approvedBy = new PostingService.ApprovedBy(review.id(), approver, Set.copyOf(covered));
        try {
            PostingService.Outcome outcome = PostingResource.withRetry(() -> postings.postApproved(maker, read.request(),
                    read.sessionId(), read.businessDate(), read.denominations(), approvedBy));
            JsonObject body = PostingApproval.parse(outcome.body());
            return new ApprovalExecutor.Executed(body.getJsonObject("entry").getJsonNumber("id").longValue(), body);
        } catch (Refusal refused) {
            callGate.noteApprovalOutcome(read.sessionId(), approver, "approval " + review.id() + " by " + approver
                    + " refused on re-check: " + refused.code());
            throw refused;
        }
    }
}
