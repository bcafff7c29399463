package coop.tally.posting.rule;

import java.util.Optional;

/**
 * Which account types each posting may touch.
 *
 * <ul>
 *   <li>DEPOSIT, WITHDRAWAL, TRANSFER and OFFICIAL_CHECK move money only in and out of share and
 *       share draft accounts. A certificate takes none of them by phone
 *       ({@code CERTIFICATE_NOT_TRANSACTIONAL}) except its opening deposit and the payout of its
 *       closing, which the desk makes ({@code AccountFacts#closesAccount});
 *       a loan is never the source or destination of one ({@code LOAN_ACCOUNT_NOT_ALLOWED}: money
 *       reaches a loan only as a LOAN_PAYMENT, which applies it in the loan's order).</li>
 *   <li>LOAN_PAYMENT credits only a loan ({@code NOT_A_LOAN}); the account paying it is a share or
 *       share draft, as above.</li>
 *   <li>Other entry types (opening balances, reversals, drawer and vault entries) are not limited
 *       here: conversion must load every type, and a reversal mirrors a posting already allowed.</li>
 * </ul>
 */
public final class AccountTypeRule implements PostingRule {

    public static final String CERTIFICATE_NOT_TRANSACTIONAL = "CERTIFICATE_NOT_TRANSACTIONAL";
    public static final String NOT_A_LOAN = "NOT_A_LOAN";
    public static final String LOAN_ACCOUNT_NOT_ALLOWED = "LOAN_ACCOUNT_NOT_ALLOWED";

    @Override
    public Optional<RuleViolation> check(PostingFacts facts) {
        return switch (facts.type()) {
            case DEPOSIT, WITHDRAWAL, TRANSFER, OFFICIAL_CHECK -> firstNonTransactional(facts, null);
            case LOAN_PAYMENT -> loanPayment(facts);
            case OPENING_BALANCE, REVERSAL, VAULT_BUY, VAULT_SELL, CASH_OVER_SHORT, TELLER_TRANSFER, EARLY_WITHDRAWAL_PENALTY -> Optional.empty();
        };
    }

    private static Optional<RuleViolation> loanPayment(PostingFacts facts) {
        for (AccountFacts loan : facts.accountsIn(AccountFacts.Role.DESTINATION)) {
            if (loan.type() != AccountType.LOAN) {
                return Optional.of(new RuleViolation(NOT_A_LOAN, "A loan payment can only be applied to a loan account."));
            }
        }
        return firstNonTransactional(facts, AccountFacts.Role.SOURCE);
    }

    /** The first account (of {@code role}, or of either role when null) that is not a share or share draft. */
    private static Optional<RuleViolation> firstNonTransactional(PostingFacts facts, AccountFacts.Role role) {
        for (AccountFacts account : facts.accounts()) {
            // a certificate takes its opening deposit and pays out at its closing, both at the desk
            boolean atTheDesk = account.type() == AccountType.CERTIFICATE && account.closesAccount();
            if ((role == null || account.role() == role) && !account.type().isTransactional() && !atTheDesk) {
                return Optional.of(account.type() == AccountType.CERTIFICATE
                        ? new RuleViolation(CERTIFICATE_NOT_TRANSACTIONAL,
                                "A certificate account takes no deposits, withdrawals or transfers by phone.")
                        : new RuleViolation(LOAN_ACCOUNT_NOT_ALLOWED,
                                "A loan account can only receive money as a loan payment."));
            }
        }
        return Optional.empty();
    }
}
