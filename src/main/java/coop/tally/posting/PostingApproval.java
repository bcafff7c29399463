package coop.tally.posting;

import coop.tally.approval.ApprovalExecutor;
import coop.tally.approval.ApprovalKind;
import coop.tally.approval.ApprovalRequest;
import coop.tally.caller.CallGate;
import coop.tally.staff.Role;
import coop.tally.staff.Staff;
import coop.tally.staff.StaffDirectory;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.HashSet;
import java.util.Set;

/**
 * Carries out an approved posting: the original request, as its maker, in the maker's call, with
 * every rule, policy and the call gate re-run against the balances of this moment. The call may
 * have ended since (the member asked while verified); the outcome is written to its log either way.
 */
@ApplicationScoped
public class PostingApproval implements ApprovalExecutor {

    @Inject
    PostingService postings;

    @Inject
    StaffDirectory staff;

    @Inject
    CallGate callGate;

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.POSTING;
    }

    @Override
    public Executed execute(ApprovalRequest approval, String approver, String approvalReason) {
        PostingRequestReader.Read read = PostingRequestReader.read(approval.payload());
        PostingService.Actor maker = maker(staff, approval.requestedBy());
        Set<String> covered = new HashSet<>();
        approval.reasons().getValuesAs(JsonObject.class).forEach(reason -> covered.add(reason.getString("reason")));
        PostingService.ApprovedBy approvedBy = new PostingService.ApprovedBy(approval.id(), approver, Set.copyOf(covered));
        try {
            PostingService.Outcome outcome = PostingResource.withRetry(() -> postings.postApproved(maker, read.request(),
                    read.sessionId(), read.businessDate(), read.denominations(), approvedBy));
            JsonObject body = parse(outcome.body());
            return new Executed(body.getJsonObject("entry").getJsonNumber("id").longValue(), body);
        } catch (Refusal refused) {
            callGate.noteApprovalOutcome(read.sessionId(), approver, "approval " + approval.id() + " by " + approver
                    + " refused on re-check: " + refused.code());
            throw refused;
        }
    }

    /** The maker as they stand now: a maker who lost their roles or was disabled cannot have anything posted for them. */
    static PostingService.Actor maker(StaffDirectory directory, String username) {
        Staff maker = directory.find(username)
                .filter(found -> found.isEnabled() && (found.hasRole(Role.REP) || found.hasRole(Role.SUPERVISOR)))
                .orElseThrow(() -> Refusal.forbidden("MAKER_CANNOT_POST", "The staff member who asked can no longer post."));
        return new PostingService.Actor(maker.username(), maker.roles(), maker.memberNumber());
    }

    static JsonObject parse(String body) {
        try (var reader = JsonBuilders.JSON.createReader(new java.io.StringReader(body))) {
            return reader.readObject();
        }
    }
}
