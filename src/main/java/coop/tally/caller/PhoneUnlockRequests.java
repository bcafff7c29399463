package coop.tally.caller;

import coop.tally.approval.ApprovalKind;
import coop.tally.approval.Approvals;
import coop.tally.approval.PolicyDecision;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * A rep asks, inside their open call with the member identified, for the member's locked phone
 * access to be unlocked; a supervisor (never the one who asked) approves it through the approval
 * queue, and {@link PhoneUnlockApproval} unlocks it.
 */
@ApplicationScoped
public class PhoneUnlockRequests {

    public static final String REASON = "PHONE_UNLOCK";

    @Inject
    CallService calls;

    @Inject
    Lockouts lockouts;

    @Inject
    CallLog log;

    @Inject
    Approvals approvals;

    @Transactional
    public Approvals.View request(String staff, String memberNumber, String reason) {
        CallService.CallView current = calls.current(staff)
                .orElseThrow(() -> CallProblems.verificationRequired(VerificationLevel.BASIC, CallProblems.Reason.NO_CALL));
        MemberCall call = current.call();
        if (!memberNumber.equals(call.memberNumber())) {
            throw CallProblems.verificationRequired(VerificationLevel.BASIC, CallProblems.Reason.OTHER_MEMBER);
        }
        if (!lockouts.isLocked(memberNumber)) {
            throw Refusal.conflict("NOT_LOCKED", "The member's phone access is not locked.");
        }
        Approvals.View view = approvals.request(ApprovalKind.PHONE_UNLOCK, staff, call.id(), memberNumber,
                "PHONE_UNLOCK of member " + memberNumber,
                JsonBuilders.JSON.createObjectBuilder().add("memberNumber", memberNumber).add("reason", reason).build(),
                List.of(PolicyDecision.override(REASON, "Unlocking a member's phone access needs a supervisor.")),
                JsonBuilders.JSON.createArrayBuilder().build());
        log.append(calls.lock(call.id()).orElseThrow(), staff, CallEvent.Type.NOTE,
                "phone unlock requested (approval " + view.request().id() + ")");
        return view;
    }
}
