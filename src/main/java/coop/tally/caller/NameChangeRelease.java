package coop.tally.caller;

import coop.tally.approval.ApprovalExecutor;
import coop.tally.approval.ApprovalRequest;
import coop.tally.sanctions.HeldAction;
import coop.tally.web.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** A held name change whose sanctions review a supervisor cleared. */
@ApplicationScoped
public class NameChangeRelease implements HeldAction {

    @Inject
    MemberChanges changes;

    @Override
    public String action() {
        return MemberChanges.NAME_CHANGE;
    }

    @Override
    public ApprovalExecutor.Executed proceed(ApprovalRequest review, JsonObject held, String approver, String reason) {
        changes.renameCleared(review, held, approver);
        return new ApprovalExecutor.Executed(null, JsonBuilders.JSON.createObjectBuilder()
                .add("memberNumber", held.getString("memberNumber"))
                .add("name", held.getString("firstName") + " " + held.getString("lastName")).build());
    }
}
