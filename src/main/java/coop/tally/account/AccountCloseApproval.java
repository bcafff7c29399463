package coop.tally.account;

import coop.tally.approval.ApprovalExecutor;
import coop.tally.approval.ApprovalKind;
import coop.tally.approval.ApprovalRequest;
import coop.tally.platform.Refusal;
import coop.tally.posting.PostingService;
import coop.tally.staff.Role;
import coop.tally.staff.Staff;
import coop.tally.staff.StaffDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.HashSet;
import java.util.Set;

/**
 * Carries out a closing a supervisor approved (its penalty waived, or a payout beyond the maker's
 * authority): as its maker,
 * in the maker's current call with the member still verified, every precondition checked again.
 */
@ApplicationScoped
public class AccountCloseApproval implements ApprovalExecutor {

    @Inject
    AccountClosings closings;

    @Inject
    StaffDirectory staff;

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.ACCOUNT_CLOSE;
    }

    @Override
    public Executed execute(ApprovalRequest approval, String approver, String reason) {
        JsonObject payload = approval.payload();
        Staff maker = staff.find(approval.requestedBy())
                .filter(found -> found.isEnabled() && (found.hasRole(Role.REP) || found.hasRole(Role.SUPERVISOR)))
                .orElseThrow(() -> Refusal.forbidden("MAKER_CANNOT_POST", "The staff member who asked can no longer close accounts."));
        PostingService.Actor actor = new PostingService.Actor(maker.username(), maker.roles(), maker.memberNumber());
        AccountClosings.CloseRequest request = new AccountClosings.CloseRequest(payload.getString("account"),
                Payout.valueOf(payload.getString("payout")), payload.getString("toAccount", null), payload.getBoolean("waivePenalty", false));
        Set<String> covered = new HashSet<>();
        approval.reasons().getValuesAs(JsonObject.class).forEach(each -> covered.add(each.getString("reason")));
        AccountClosings.Outcome outcome = closings.closeApproved(actor, payload.getString("idempotencyKey"), request,
                new AccountClosings.Approved(approval.id(), approver, Set.copyOf(covered)));
        return new Executed(null, AccountJson.closing(outcome.closing()));
    }
}
