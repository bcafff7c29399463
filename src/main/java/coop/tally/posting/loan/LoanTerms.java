package coop.tally.posting.loan;

import coop.tally.money.Money;
import coop.tally.posting.rule.PostingRefused;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * What a loan owes and how its interest runs: simple daily interest on the outstanding principal,
 * actual/365.
 *
 * @param principal       outstanding principal, ≥ 0
 * @param annualRate      the annual interest rate as a fraction: {@code 0.0650} for 6.50 %; 0 ≤ rate ≤ 1
 * @param interestPaidTo  the date through which interest has been settled: paid, or carried in
 *                        {@code unpaidInterest}. Interest accrues from the day after it.
 * @param lateFeesDue     late fees assessed and not yet paid, ≥ 0
 * @param unpaidInterest  interest accrued through {@code interestPaidTo} that a too-small payment
 *                        left unpaid, ≥ 0; zero for a loan whose payments always covered interest.
 *                        Carrying it, rather than leaving {@code interestPaidTo} where it was,
 *                        keeps every cent exact: no interest is charged twice and none forgiven.
 */
public record LoanTerms(Money principal, BigDecimal annualRate, LocalDate interestPaidTo, Money lateFeesDue,
                        Money unpaidInterest) {

    public static final String PAYMENT_DATE_BEFORE_INTEREST_DATE = "PAYMENT_DATE_BEFORE_INTEREST_DATE";

    private static final BigDecimal DAYS_IN_YEAR = BigDecimal.valueOf(365);

    public LoanTerms {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(annualRate, "annualRate");
        Objects.requireNonNull(interestPaidTo, "interestPaidTo");
        Objects.requireNonNull(lateFeesDue, "lateFeesDue");
        Objects.requireNonNull(unpaidInterest, "unpaidInterest");
        requireNotNegative(principal, "principal");
        requireNotNegative(lateFeesDue, "lateFeesDue");
        requireNotNegative(unpaidInterest, "unpaidInterest");
        if (annualRate.signum() < 0 || annualRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("annualRate is a fraction between 0 and 1, e.g. 0.0650: " + annualRate);
        }
    }

    /** A loan with no interest carried over from a partial payment. */
    public LoanTerms(Money principal, BigDecimal annualRate, LocalDate interestPaidTo, Money lateFeesDue) {
        this(principal, annualRate, interestPaidTo, lateFeesDue, Money.ZERO);
    }

    /**
     * Interest owed as of {@code asOf} (inclusive): {@code unpaidInterest} plus
     * principal × annualRate × days / 365, rounded half-up to the cent, where days =
     * {@code ChronoUnit.DAYS.between(interestPaidTo, asOf)}. The divisor is 365 in leap years too
     * (actual/365 fixed), so a leap year's 366th day earns a 366/365 share.
     *
     * @throws PostingRefused {@code PAYMENT_DATE_BEFORE_INTEREST_DATE} (422) when {@code asOf} is
     *                        before {@code interestPaidTo}: interest is never un-accrued
     */
    public Money accruedInterestAsOf(LocalDate asOf) {
        long days = ChronoUnit.DAYS.between(interestPaidTo, asOf);
        if (days < 0) {
            throw PostingRefused.refused(PAYMENT_DATE_BEFORE_INTEREST_DATE,
                    "The date is before the date the loan's interest is already settled to.",
                    Map.of("interestPaidTo", interestPaidTo.toString(), "date", asOf.toString()));
        }
        // BigDecimal only here: the one multiplication by a rate and division by 365 that cents cannot do exactly.
        BigDecimal interest = principal.toBigDecimal()
                .multiply(annualRate)
                .multiply(BigDecimal.valueOf(days))
                .divide(DAYS_IN_YEAR, 2, RoundingMode.HALF_UP);
        return unpaidInterest.plus(Money.of(interest));
    }

    /**
     * The loan after a payment was applied: principal and late fees reduced by their parts, interest
     * settled to {@code allocation.newInterestPaidTo()}, and whatever interest the payment did not
     * cover carried in {@code unpaidInterest}.
     */
    public LoanTerms after(Allocation allocation) {
        Money accrued = accruedInterestAsOf(allocation.newInterestPaidTo());
        return new LoanTerms(
                principal.minus(allocation.principal()),
                annualRate,
                allocation.newInterestPaidTo(),
                lateFeesDue.minus(allocation.lateFees()),
                accrued.minus(allocation.interest()));
    }

    private static void requireNotNegative(Money amount, String name) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + amount);
        }
    }
}
