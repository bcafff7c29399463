package coop.tally.sanctions;

import coop.tally.approval.ApprovalExecutor;
import coop.tally.approval.ApprovalKind;
import coop.tally.approval.ApprovalRequest;
import coop.tally.staff.SecurityLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * A supervisor cleared a possible sanctions match: the held action now happens, through the
 * {@link HeldAction} of its package. (Rejecting is the approval queue's deny, with its reason;
 * nothing is carried out then.)
 */
@ApplicationScoped
public class SanctionsReview implements ApprovalExecutor {

    @Inject
    @Any
    Instance<HeldAction> actions;

    @Inject
    SecurityLog securityLog;

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.SANCTIONS_REVIEW;
    }

    @Override
    public Executed execute(ApprovalRequest review, String approver, String reason) {
        JsonObject payload = review.payload();
        String action = payload.getString("action");
        securityLog.record("SANCTIONS_CLEARED", approver, "approval:" + review.id(),
                action + " '" + payload.getString("screenedName") + "' cleared: " + reason);
        for (HeldAction held : actions) {
            if (held.action().equals(action)) {
                return held.proceed(review, payload.getJsonObject("held"), approver, reason);
            }
        }
        throw new IllegalStateException("No held action " + action);
    }
}
