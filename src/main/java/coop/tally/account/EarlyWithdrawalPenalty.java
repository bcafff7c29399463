package coop.tally.account;

import coop.tally.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The penalty for closing a certificate before its maturity date: a number of days of simple
 * interest at the certificate's annual rate on the amount withdrawn (actual/365), by term:
 * <ul>
 *   <li>terms up to 12 months: 90 days;</li>
 *   <li>terms over 12 up to 36 months: 180 days;</li>
 *   <li>terms over 36 months: 365 days.</li>
 * </ul>
 * Rounded half-up to the cent, and never more than the balance. No penalty on or after maturity.
 */
public final class EarlyWithdrawalPenalty {

    private static final BigDecimal DAYS_IN_YEAR = BigDecimal.valueOf(365);

    private EarlyWithdrawalPenalty() {
    }

    /** Days of interest forfeited for a term of {@code termMonths}. */
    public static int daysOfInterest(int termMonths) {
        if (termMonths <= 12) {
            return 90;
        }
        return termMonths <= 36 ? 180 : 365;
    }

    /** The penalty for closing on {@code closingOn} a certificate holding {@code balance}. */
    public static Money of(int termMonths, BigDecimal annualRate, Money balance, LocalDate closingOn, LocalDate maturity) {
        if (!balance.isPositive() || !closingOn.isBefore(maturity)) {
            return Money.ZERO;
        }
        BigDecimal interest = balance.toBigDecimal().multiply(annualRate).multiply(BigDecimal.valueOf(daysOfInterest(termMonths)))
                .divide(DAYS_IN_YEAR, 2, RoundingMode.HALF_UP);
        Money penalty = Money.of(interest);
        return penalty.isGreaterThan(balance) ? balance : penalty;
    }
}
