package coop.tally.caller;

import coop.tally.platform.Refusal;

import java.util.Map;

/**
 * The refusals of the caller package. Every gate refusal is 403 VERIFICATION_REQUIRED with the
 * level needed and a {@code reason} saying what is missing (no call, another rep's call, an ended
 * call, another member, too low a level), so that a client handles one code the same way: get the
 * caller verified in an open call of one's own, then retry.
 */
final class CallProblems {

    /** Why a gate refused. */
    enum Reason { NO_CALL, CALL_NOT_FOUND, CALL_NOT_YOURS, CALL_ENDED, CALL_TIMED_OUT, MEMBER_NOT_IDENTIFIED, OTHER_MEMBER, LEVEL_TOO_LOW }

    private CallProblems() {
    }

    static Refusal verificationRequired(VerificationLevel required, Reason reason) {
        return new Refusal(Refusal.Kind.FORBIDDEN, "VERIFICATION_REQUIRED", message(reason),
                Map.of("levelRequired", required.name(), "reason", reason.name()));
    }

    private static String message(Reason reason) {
        return switch (reason) {
            case NO_CALL -> "This needs an open call with the caller verified; none is named or open.";
            case CALL_NOT_FOUND -> "No call has that id.";
            case CALL_NOT_YOURS -> "The call belongs to another staff member.";
            case CALL_ENDED -> "The call has ended.";
            case CALL_TIMED_OUT -> "The call ended after being idle.";
            case MEMBER_NOT_IDENTIFIED -> "The call has not identified a member yet.";
            case OTHER_MEMBER -> "The call is for another member.";
            case LEVEL_TOO_LOW -> "The caller is not verified to the level this needs.";
        };
    }

    static Refusal callNotFound() {
        return Refusal.notFound("CALL_NOT_FOUND", "No call of yours has that id.");
    }

    static Refusal callEnded(MemberCall.State state) {
        return Refusal.conflict(state == MemberCall.State.TIMED_OUT ? "CALL_TIMED_OUT" : "CALL_ENDED",
                "The call is no longer open.");
    }
}
