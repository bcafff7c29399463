package coop.tally.sanctions;

import coop.tally.approval.ApprovalKind;
import coop.tally.approval.Approvals;
import coop.tally.approval.PolicyDecision;
import coop.tally.staff.SecurityLog;
import coop.tally.web.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Screens a name against the sanctions list and logs it, hit or not (security log
 * {@code SANCTIONS_SCREENED}: who, what was screened, the list's version, the best score and the
 * result; the name screened, never an SSN). A possible match is held with {@link #hold}.
 */
@ApplicationScoped
public class Screening {

    public static final String POSSIBLE_MATCH = "SANCTIONS_POSSIBLE_MATCH";

    @Inject
    SanctionsList list;

    @Inject
    SecurityLog securityLog;

    @Inject
    Approvals approvals;

    /** The outcome of one screening. */
    public record Result(String name, NameMatcher.Match match, String listVersion) {

        public boolean possibleMatch() {
            return match.possible();
        }

        public String score() {
            return String.format(Locale.ROOT, "%.3f", match.score());
        }
    }

    /** {@code what}: the action and its subject, e.g. "ENROLMENT visit 12" or "OFFICIAL_CHECK payee, member 100001". */
    public Result screen(String actor, String what, String name) {
        NameMatcher.Match match = list.screen(name);
        Result result = new Result(name, match, list.version());
        String detail = what + "; name '" + name + "'; list " + list.version() + "; best " + result.score()
                + (match.entry() == null ? "" : " (entry " + match.entry().entNum() + ")")
                + "; " + (match.possible() ? "POSSIBLE_MATCH, held for review" : "CLEAR");
        securityLog.record("SANCTIONS_SCREENED", actor, what, detail);
        return result;
    }

    /**
     * Holds an action for a supervisor's review (in the caller's transaction): a SANCTIONS_REVIEW
     * approval whose payload says what was screened, what it matched and what to do once cleared.
     * {@code otherReasons}: overrides the action needs as well, which the clearing supervisor also gives.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Approvals.View hold(Result screened, String action, String maker, String sessionId, String memberNumber,
                               String summary, JsonObject held, List<PolicyDecision> otherReasons) {
        SdnEntry entry = screened.match().entry();
        JsonObject payload = JsonBuilders.JSON.createObjectBuilder()
                .add("action", action)
                .add("screenedName", screened.name())
                .add("match", JsonBuilders.JSON.createObjectBuilder()
                        .add("name", entry.name()).add("entNum", entry.entNum()).add("type", entry.type())
                        .add("program", entry.program()).add("score", screened.score()))
                .add("listVersion", screened.listVersion())
                .add("held", held)
                .build();
        List<PolicyDecision> reasons = new ArrayList<>();
        reasons.add(PolicyDecision.override(POSSIBLE_MATCH, "'" + screened.name() + "' is a possible match of '" + entry.name()
                + "' on the sanctions list (score " + screened.score() + ")."));
        reasons.addAll(otherReasons);
        return approvals.request(ApprovalKind.SANCTIONS_REVIEW, maker, sessionId, memberNumber, summary, payload, reasons,
                JsonBuilders.JSON.createArrayBuilder().build());
    }
}
