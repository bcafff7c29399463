package coop.tally.caller;

import coop.tally.ledger.EntryType;

import java.util.Objects;
import java.util.Optional;

/**
 * Which action a posting is, for the member of the call, and so which level it needs; or why the
 * call cannot cover it at all. The member whose money moves must be the call's member: the account
 * money leaves (fromAccount), else the account it goes into (a deposit, a cash loan payment). Only
 * the receiving end of a transfer or a loan payment may belong to another member, and that makes
 * it money leaving the member: STRONG.
 *
 * @param fromOwner member number owning the account money leaves, or null
 * @param toOwner   member number owning the account money goes into, or null
 * @param loanOwner member number owning the loan paid, or null
 */
public record PostingAccess(EntryType type, String fromOwner, String toOwner, String loanOwner) {

    /** The action, or empty when the posting touches another member's money in a way no call allows. */
    public Optional<MemberAction> actionFor(String callMember) {
        Objects.requireNonNull(callMember, "callMember");
        if (fromOwner != null && !fromOwner.equals(callMember)) {
            return Optional.empty();
        }
        return switch (type) {
            case DEPOSIT -> same(toOwner, callMember) ? Optional.of(MemberAction.DEPOSIT) : Optional.empty();
            case WITHDRAWAL -> Optional.of(MemberAction.WITHDRAWAL);
            case OFFICIAL_CHECK -> Optional.of(MemberAction.OFFICIAL_CHECK);
            case TRANSFER -> Optional.of(same(toOwner, callMember)
                    ? MemberAction.OWN_ACCOUNT_TRANSFER : MemberAction.TRANSFER_TO_OTHER_MEMBER);
            case LOAN_PAYMENT -> {
                if (same(loanOwner, callMember)) {
                    yield Optional.of(MemberAction.OWN_LOAN_PAYMENT);
                }
                // paying another member's loan: only from the caller's own account, never in cash for a stranger
                yield fromOwner != null ? Optional.of(MemberAction.LOAN_PAYMENT_FOR_OTHER_MEMBER) : Optional.empty();
            }
            // not postings a rep makes for a caller: no call covers them
            case OPENING_BALANCE, REVERSAL, VAULT_BUY, VAULT_SELL, CASH_OVER_SHORT, TELLER_TRANSFER, EARLY_WITHDRAWAL_PENALTY -> Optional.empty();
        };
    }

    /**
     * The level a posting of {@code type} needs in a call for the member whose account it is paid
     * from, when the receiving account is the member's own ({@code toAnotherMember} false) or
     * another member's; empty when no call allows it. It asks {@link #actionFor}, the call gate's
     * own answer, so what the console is told cannot drift from what the gate enforces.
     */
    public static Optional<VerificationLevel> levelFor(EntryType type, boolean toAnotherMember) {
        String caller = "caller";
        String receiver = toAnotherMember ? "another member" : caller;
        return new PostingAccess(type, caller, receiver, receiver).actionFor(caller).map(MemberAction::required);
    }

    private static boolean same(String owner, String callMember) {
        return owner == null || owner.equals(callMember);
    }
}
