package coop.tally.caller;

import coop.tally.approval.ApprovalExecutor;
import coop.tally.approval.ApprovalKind;
import coop.tally.approval.ApprovalRequest;
import coop.tally.staff.SecurityLog;
import coop.tally.web.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

/** Unlocks a member's phone access once a supervisor approved the rep's request. */
@ApplicationScoped
public class PhoneUnlockApproval implements ApprovalExecutor {

    @Inject
    CallService calls;

    @Inject
    CallLog log;

    @Inject
    SecurityLog securityLog;

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.PHONE_UNLOCK;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Executed execute(ApprovalRequest approval, String approver, String approvalReason) {
        JsonObject payload = approval.payload();
        String memberNumber = payload.getString("memberNumber");
        String reason = payload.getString("reason");
        calls.unlock(approver, memberNumber, reason + " (asked by " + approval.requestedBy() + ", approval " + approval.id() + ")");
        securityLog.record("PHONE_ACCESS_UNLOCKED", approver, memberNumber, reason);
        if (approval.sessionId() != null) {
            calls.lock(approval.sessionId()).ifPresent(call -> log.append(call, approver, CallEvent.Type.APPROVAL_OUTCOME,
                    "phone access unlocked (approval " + approval.id() + ")"));
        }
        return new Executed(null, JsonBuilders.JSON.createObjectBuilder().add("memberNumber", memberNumber)
                .add("locked", false).build());
    }
}
