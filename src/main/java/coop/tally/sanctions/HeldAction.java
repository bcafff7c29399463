package coop.tally.sanctions;

import coop.tally.approval.ApprovalExecutor;
import coop.tally.approval.ApprovalRequest;
import jakarta.json.JsonObject;

/**
 * An action a possible sanctions match held (an enrolment, a name change, an official check): its
 * package carries it out when a supervisor clears the review. Same contract as
 * {@link ApprovalExecutor#execute}: it re-checks its rules, runs in its own transaction, and either
 * does the thing once or throws a refusal and does nothing.
 */
public interface HeldAction {

    /** The {@code action} written in the review's payload, e.g. ENROLMENT. */
    String action();

    /** {@code held} is what the action stored when it was held. */
    ApprovalExecutor.Executed proceed(ApprovalRequest review, JsonObject held, String approver, String reason);
}
