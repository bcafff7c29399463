package coop.tally.caller;

/**
 * What a verification attempt came to. A wrong answer is not an HTTP error: the rep gets 200 with
 * {@code passed: false} and carries on (or ends the call). Only an attempt against a locked member
 * is refused, after it has been logged.
 *
 * @param refusedLocked the member's phone access was locked before the attempt; nothing was checked
 * @param lockedNow     this failure was the third in 24 hours and locked the member's phone access
 */
public record AttemptResult(Factor factor, boolean passed, VerificationLevel level, boolean refusedLocked, boolean lockedNow) {
}
