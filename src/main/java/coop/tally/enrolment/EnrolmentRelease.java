package coop.tally.enrolment;

import coop.tally.approval.ApprovalExecutor;
import coop.tally.approval.ApprovalRequest;
import coop.tally.member.Member;
import coop.tally.sanctions.HeldAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** A held enrolment whose sanctions review a supervisor cleared: the member is written now. */
@ApplicationScoped
public class EnrolmentRelease implements HeldAction {

    @Inject
    EnrolmentService enrolments;

    @Override
    public String action() {
        return EnrolmentService.ACTION;
    }

    @Override
    public ApprovalExecutor.Executed proceed(ApprovalRequest review, JsonObject held, String approver, String reason) {
        Member member = enrolments.release(review, held, approver);
        return new ApprovalExecutor.Executed(null, EnrolmentJson.of(member).build());
    }
}
