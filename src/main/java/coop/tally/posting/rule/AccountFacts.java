package coop.tally.posting.rule;

import coop.tally.money.Money;

import java.util.Objects;

/**
 * One member account a proposed posting touches, as it stands before the posting.
 *
 * <p>Balances and {@code change} are in the account's own terms: for a deposit account (share,
 * share draft, certificate) the balance is what the credit union owes the member, so a deposit is a
 * positive change and a withdrawal a negative one; for a loan the balance is what the member owes,
 * so a payment is a negative change.
 *
 * @param accountNumber    e.g. "100001-S00"
 * @param memberNumber     the number of the member who owns the account
 * @param type             the account type
 * @param status           the account status
 * @param ledgerBalance    the ledger balance before the posting
 * @param availableBalance the available balance (ledger − active holds) before the posting
 * @param change           the signed change the posting would make to the balance
 * @param role             where the money goes: out of a {@link Role#SOURCE}, into a {@link Role#DESTINATION}
 * @param closesAccount    true when this posting is the one the desk opens or closes the account with: its
 *                         opening deposit, or the payout of everything in it at its closing
 */
public record AccountFacts(String accountNumber, String memberNumber, AccountType type, AccountStatus status,
                           Money ledgerBalance, Money availableBalance, Money change, Role role,
                           boolean closesAccount) {

    /** Which end of the posting the account is on. */
    public enum Role {
        /** Money comes out of it: a withdrawal, the "from" of a transfer, the account paying a loan or buying an official check. */
        SOURCE,
        /** Money goes into it: a deposit, the "to" of a transfer, the loan being paid, an opening balance. */
        DESTINATION
    }

    public AccountFacts {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(memberNumber, "memberNumber");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ledgerBalance, "ledgerBalance");
        Objects.requireNonNull(availableBalance, "availableBalance");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(role, "role");
    }

    /** "source account" or "destination account": names the account in a message without its number. */
    String describe() {
        return role == Role.SOURCE ? "source account" : "destination account";
    }
}
