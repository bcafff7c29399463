package coop.tally.member;

import coop.tally.money.Money;

/**
 * A demo account just inserted at zero, with the balance it should open with. The ledger posts
 * that balance as an opening journal entry: balances come only from the journal.
 * For a loan the opening balance is the principal owed (a debit to the loan). {@code memberId}
 * says whose it is: each member's opening balances are one entry of their own.
 */
public record SeededAccount(long memberId, long accountId, String accountNumber, AccountType type, AccountStatus status,
                            Money openingBalance) {
}
