package coop.tally.posting.loan;

import coop.tally.money.Money;
import coop.tally.posting.rule.PostingRefused;

import java.time.LocalDate;
import java.util.Map;

/**
 * Splits a loan payment in the loan's order (DESIGN.md "Postings"):
 * <ol>
 *   <li>accrued interest (see {@link LoanTerms#accruedInterestAsOf}),</li>
 *   <li>then principal,</li>
 *   <li>then late fees due, last.</li>
 * </ol>
 * Late fees come last so that they are never "pyramided": a fee never eats into the part of a
 * payment that should have gone to interest and principal, so a fee can never make the next payment
 * short and trigger another fee. Without an installment schedule "principal" is the whole
 * outstanding principal, so late fees are collected by the payment that pays the loan off.
 *
 * <p>Stateless and thread-safe.
 */
public final class LoanPaymentAllocator {

    /** The payoff on {@code asOf}; see {@link PayoffQuote}. */
    public PayoffQuote quotePayoff(LoanTerms terms, LocalDate asOf) {
        return PayoffQuote.of(terms, asOf);
    }

    /**
     * Allocates {@code payment} made on {@code paymentDate}. Interest is always settled to the
     * payment date; interest the payment did not cover is carried (see {@link LoanTerms#after}).
     *
     * @throws PostingRefused {@code AMOUNT_NOT_POSITIVE} (400) for a zero or negative payment;
     *                        {@code PAYMENT_DATE_BEFORE_INTEREST_DATE} (422) for a payment dated
     *                        before the loan's interest-paid-to date
     * @throws PaymentExceedsPayoffException (422) when the payment is more than the payoff,
     *                        quoting the payoff; a payment of exactly the payoff pays the loan off
     */
    public Allocation allocate(LoanTerms terms, Money payment, LocalDate paymentDate) {
        if (!payment.isPositive()) {
            throw PostingRefused.malformed("AMOUNT_NOT_POSITIVE", "The payment must be greater than zero.",
                    Map.of("field", "amount"));
        }
        PayoffQuote payoff = quotePayoff(terms, paymentDate);
        if (payment.isGreaterThan(payoff.total())) {
            throw new PaymentExceedsPayoffException(payoff);
        }
        Money toInterest = payment.min(payoff.interest());
        Money rest = payment.minus(toInterest);
        Money toPrincipal = rest.min(payoff.principal());
        Money toLateFees = rest.minus(toPrincipal);
        // toLateFees ≤ lateFees because payment ≤ payoff
        return new Allocation(toInterest, toPrincipal, toLateFees, paymentDate);
    }
}
