package coop.tally.posting;

import coop.tally.approval.AccountVisibility;
import coop.tally.approval.ApprovalJson;
import coop.tally.approval.Approvals;
import coop.tally.approval.PolicyDecision;
import coop.tally.caller.CallGate;
import coop.tally.drawer.DenominationCount;
import coop.tally.ledger.EntryType;
import coop.tally.member.Member;
import coop.tally.member.MemberService;
import coop.tally.posting.plan.PostingRequest;
import coop.tally.posting.rule.Tender;
import coop.tally.sanctions.Screening;
import coop.tally.web.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Screens the payee of an official check (a money order or cashier's check, or a withdrawal paid by
 * official check) against the sanctions list before it posts. The payee is the name the rep typed
 * or, when none, the member (a withdrawal's check is always the member's). A possible match holds
 * the posting as a SANCTIONS_REVIEW; overrides the posting needs as well are listed on the same
 * request, so the supervisor who clears it gives them too.
 */
@ApplicationScoped
class PayeeScreening {

    static final String ACTION = "OFFICIAL_CHECK";

    @Inject
    Screening screening;

    @Inject
    MemberService members;

    @Inject
    CallGate callGate;

    static boolean screens(PostingRequest request) {
        return request.type() == EntryType.OFFICIAL_CHECK || request.tender() == Tender.OFFICIAL_CHECK;
    }

    /** The 202 body when the payee is a possible match (the review raised), or empty when the payee is clear. */
    Optional<String> holdIfListed(String maker, PostingRequest request, String sessionId, LocalDate requestedDate,
                                  DenominationCount denominations, String memberNumber, List<PolicyDecision> overrides,
                                  AccountVisibility.Shown shown) {
        String payee = request.payee() != null ? request.payee()
                : members.findByNumber(memberNumber).map(Member::fullName).orElse("");
        Screening.Result screened = screening.screen(maker, ACTION + " payee, member " + memberNumber + ", session " + sessionId, payee);
        if (!screened.possibleMatch()) {
            return Optional.empty();
        }
        var held = JsonBuilders.JSON.createObjectBuilder()
                .add("posting", PostingRequestReader.toJson(request, sessionId, requestedDate, denominations)).build();
        Approvals.View view = screening.hold(screened, ACTION, maker, sessionId, memberNumber,
                SessionScope.summary(request) + " payable to " + payee + " (possible sanctions match)", held, overrides);
        callGate.noteApprovalOutcome(sessionId, maker, "approval " + view.request().id() + " requested: sanctions review of the payee");
        return Optional.of(JsonBuilders.JSON.createObjectBuilder()
                .add("code", "SANCTIONS_REVIEW")
                .add("detail", "The payee is a possible match on the sanctions list; the official check waits for a supervisor's review.")
                .add("approval", ApprovalJson.of(view, shown)).build().toString());
    }
}
