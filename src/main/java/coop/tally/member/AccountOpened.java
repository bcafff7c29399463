package coop.tally.member;

import java.time.Instant;

/**
 * News that a rep opened an account for a member at the desk, fired inside the opening's
 * transaction, so that packages above (referrals) can act on it without member knowing them.
 *
 * @param callId the call or visit the account was opened in
 */
public record AccountOpened(String memberNumber, String accountNumber, AccountType type, String openedBy,
                            String callId, Instant openedAt) {
}
