package coop.tally.posting.plan;

import coop.tally.ledger.EntryType;
import coop.tally.money.Money;
import coop.tally.posting.rule.Tender;

/**
 * A posting as a client asks for it, before any rule has looked at it. Fields a type does not use
 * must be null (or false); {@link PostingPlanner} says which each type needs. Accounts are member
 * account numbers as typed, e.g. {@code "100001-S00"}.
 *
 * @param type        DEPOSIT, WITHDRAWAL, TRANSFER, LOAN_PAYMENT, OFFICIAL_CHECK or OPENING_BALANCE
 * @param tender      how the money arrives or leaves; null for TRANSFER (or ACCOUNT) and OPENING_BALANCE
 * @param fromAccount the member account money leaves
 * @param toAccount   the member deposit account money goes into
 * @param loanAccount the loan being paid (LOAN_PAYMENT) or loaded (OPENING_BALANCE)
 * @param amount      the amount, positive; for an official check, its face value (the fee is added)
 * @param instrument  for OFFICIAL_CHECK: money order or cashier's check
 * @param fee         for OFFICIAL_CHECK: the fee the client expects; null means "the scheduled fee"
 * @param feeWaived   for OFFICIAL_CHECK: charge no fee (a waiver needs a supervisor's override)
 * @param memo        free text for the journal header; the planner does not use it
 * @param payee       for OFFICIAL_CHECK: whom the check is payable to (null: the member); screened against the sanctions list
 */
public record PostingRequest(EntryType type, Tender tender, String fromAccount, String toAccount, String loanAccount,
                             Money amount, Instrument instrument, Money fee, boolean feeWaived, String memo, String payee) {

    /** A posting without a named payee. */
    public PostingRequest(EntryType type, Tender tender, String fromAccount, String toAccount, String loanAccount,
                          Money amount, Instrument instrument, Money fee, boolean feeWaived, String memo) {
        this(type, tender, fromAccount, toAccount, loanAccount, amount, instrument, fee, feeWaived, memo, null);
    }
}
