package coop.tally.caller;

import coop.tally.member.MemberInquiryGate;
import coop.tally.platform.TallyClock;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * The front door: a rep touches a member's data or money only inside their own open call in which
 * the caller has been verified, to the level the action needs, as that member. Used by the posting
 * engine (every posting, by reps and supervisors alike: a supervisor posting is also serving a
 * caller) and by the member and account reads of reps. Passing the gate is logged on the call and
 * counts as activity on it.
 */
@ApplicationScoped
public class CallGate implements MemberInquiryGate {

    @Inject
    CallService calls;

    @Inject
    CallLog log;

    @Inject
    TallyClock clock;

    /**
     * Admits a posting in the posting's own transaction (after its accounts are locked, before
     * anything is planned), or throws 403 VERIFICATION_REQUIRED. {@code cash} says the posting's
     * tender is notes and coin, which change hands only at the counter: in a phone call it is
     * refused with 422 CASH_NEEDS_VISIT. Returns the session, locked; the posting itself goes to its
     * log once it has an entry ({@link CallLogWatch}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MemberCall admitPosting(String staff, String sessionId, PostingAccess access, boolean cash) {
        return admit(staff, sessionId, access, false, cash);
    }

    /**
     * Admits a posting a supervisor approved, as its maker, in the maker's session: the same checks
     * as {@link #admitPosting} at this moment (the maker's session, the member verified to the level
     * the posting needs, cash only in a visit), except that the session may have ended or timed out
     * since the member asked (the approval was given for what they asked while verified). The
     * outcome goes to that session's log either way. Returns the session, locked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MemberCall admitApprovedPosting(String staff, String sessionId, PostingAccess access, boolean cash) {
        return admit(staff, sessionId, access, true, cash);
    }

    /** The member of a session (call or visit), if it was identified: whose entries were posted in it. */
    public Optional<String> memberOf(String sessionId) {
        return calls.memberOf(sessionId);
    }

    /** Writes an approval request raised on the call, or what became of it, to the call's log (for the maker to see on the call). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void noteApprovalOutcome(String sessionId, String actor, String detail) {
        if (sessionId != null) {
            calls.lock(sessionId).ifPresent(call -> log.append(call, actor, CallEvent.Type.APPROVAL_OUTCOME, detail));
        }
    }

    private MemberCall admit(String staff, String sessionId, PostingAccess access, boolean approved, boolean cash) {
        String implied = Optional.ofNullable(access.fromOwner()).or(() -> Optional.ofNullable(access.toOwner()))
                .orElse(access.loanOwner());
        VerificationLevel neededIfTheirs = implied == null ? VerificationLevel.STRONG
                : access.actionFor(implied).map(MemberAction::required).orElse(VerificationLevel.STRONG);
        if (sessionId == null || sessionId.isBlank()) {
            throw CallProblems.verificationRequired(neededIfTheirs, CallProblems.Reason.NO_CALL);
        }
        MemberCall call = usableCall(staff, sessionId, neededIfTheirs, approved);
        MemberAction action = access.actionFor(call.memberNumber())
                .orElseThrow(() -> CallProblems.verificationRequired(neededIfTheirs, CallProblems.Reason.OTHER_MEMBER));
        if (!call.level().satisfies(action.required())) {
            throw CallProblems.verificationRequired(action.required(), CallProblems.Reason.LEVEL_TOO_LOW);
        }
        if (cash && !call.isVisit()) {
            throw new Refusal(Refusal.Kind.RULES, "CASH_NEEDS_VISIT",
                    "Cash changes hands only at the counter; by phone money leaves by transfer or by an official check mailed to the address on file.",
                    java.util.Map.of("channel", call.channel().name()));
        }
        if (call.stateAt(clock.now(), calls.timeout()) == MemberCall.State.OPEN) {
            call.touchUnlessRecent(clock.now(), calls.timeout());
        }
        return call;
    }

        /**
     * Admits a rep's read of a member's data ({@code what}, e.g. "member file" or an account
     * number), or throws 403 VERIFICATION_REQUIRED. The rep's open call is the one that counts:
     * reads name no call.
     */
    @Transactional
    @Override
    public void admitInquiry(String staff, String memberNumber, String what) {
        VerificationLevel needed = MemberAction.INQUIRY.required();
        CallService.CallView current = calls.current(staff)
                .orElseThrow(() -> CallProblems.verificationRequired(needed, CallProblems.Reason.NO_CALL));
        MemberCall call = usableCall(staff, current.call().id(), needed, false);
        if (!memberNumber.equals(call.memberNumber())) {
            throw CallProblems.verificationRequired(needed, CallProblems.Reason.OTHER_MEMBER);
        }
        if (!call.level().satisfies(needed)) {
            throw CallProblems.verificationRequired(needed, CallProblems.Reason.LEVEL_TOO_LOW);
        }
        call.touch(clock.now());
        log.append(call, staff, CallEvent.Type.MEMBER_VIEWED, what);
    }

    /**
     * Admits an act for the member other than a posting or a read (e.g. logging a referral) in the
     * staff member's own open call verified as that member to the level the action needs, or throws
     * 403 VERIFICATION_REQUIRED. Joins the caller's transaction, so that the act and its line in
     * the call log ({@code type}, {@code detail}) commit together. Returns the call's id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String admitMemberAction(String staff, String memberNumber, MemberAction action, CallEvent.Type type,
                                    String detail) {
        VerificationLevel needed = action.required();
        CallService.CallView current = calls.current(staff)
                .orElseThrow(() -> CallProblems.verificationRequired(needed, CallProblems.Reason.NO_CALL));
        MemberCall call = usableCall(staff, current.call().id(), needed, false);
        if (!memberNumber.equals(call.memberNumber())) {
            throw CallProblems.verificationRequired(needed, CallProblems.Reason.OTHER_MEMBER);
        }
        if (!call.level().satisfies(needed)) {
            throw CallProblems.verificationRequired(needed, CallProblems.Reason.LEVEL_TOO_LOW);
        }
        call.touch(clock.now());
        log.append(call, staff, type, detail);
        return call.id();
    }

    /** The call, locked, if it is this staff member's, open, and names a member. */
    private MemberCall usableCall(String staff, String callId, VerificationLevel needed, boolean mayHaveEnded) {
        MemberCall call = calls.lock(callId)
                .orElseThrow(() -> CallProblems.verificationRequired(needed, CallProblems.Reason.CALL_NOT_FOUND));
        if (!call.handledBy().equals(staff)) {
            throw CallProblems.verificationRequired(needed, CallProblems.Reason.CALL_NOT_YOURS);
        }
        MemberCall.State state = call.stateAt(clock.now(), calls.timeout());
        if (mayHaveEnded) {
            state = MemberCall.State.OPEN;
        }
        if (state == MemberCall.State.TIMED_OUT) {
            throw CallProblems.verificationRequired(needed, CallProblems.Reason.CALL_TIMED_OUT);
        }
        if (state == MemberCall.State.ENDED) {
            throw CallProblems.verificationRequired(needed, CallProblems.Reason.CALL_ENDED);
        }
        if (call.memberNumber() == null) {
            throw CallProblems.verificationRequired(needed, CallProblems.Reason.MEMBER_NOT_IDENTIFIED);
        }
        return call;
    }

    /** The government photo ID inspected in a visit, if the session is one and an ID was inspected. */
    public Optional<PhotoId> photoIdOf(String sessionId) {
        return sessionId == null ? Optional.empty() : calls.photoIdOf(sessionId);
    }
}
