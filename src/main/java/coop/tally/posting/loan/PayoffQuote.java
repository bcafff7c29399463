package coop.tally.posting.loan;

import coop.tally.money.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What it takes to pay a loan off on a given day.
 *
 * @param asOf       the payoff date (interest accrued through this day, inclusive)
 * @param principal  outstanding principal
 * @param interest   accrued interest as of {@code asOf}, including any carried unpaid interest
 * @param lateFees   late fees due
 */
public record PayoffQuote(LocalDate asOf, Money principal, Money interest, Money lateFees) {

    public PayoffQuote {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(interest, "interest");
        Objects.requireNonNull(lateFees, "lateFees");
    }

    public static PayoffQuote of(LoanTerms terms, LocalDate asOf) {
        return new PayoffQuote(asOf, terms.principal(), terms.accruedInterestAsOf(asOf), terms.lateFeesDue());
    }

    /** principal + interest + late fees. */
    public Money total() {
        return principal.plus(interest).plus(lateFees);
    }
}
