package coop.tally.posting.loan;

import coop.tally.money.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How one loan payment is split. The parts are never negative and add up to the payment.
 *
 * @param interest          paid to interest (credited to loan interest income)
 * @param principal         paid to principal (credited to the loan account)
 * @param lateFees          paid to late fees (credited to late fee income)
 * @param newInterestPaidTo the date the loan's interest is settled to after the payment
 */
public record Allocation(Money interest, Money principal, Money lateFees, LocalDate newInterestPaidTo) {

    public Allocation {
        Objects.requireNonNull(interest, "interest");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(lateFees, "lateFees");
        Objects.requireNonNull(newInterestPaidTo, "newInterestPaidTo");
        if (interest.isNegative() || principal.isNegative() || lateFees.isNegative()) {
            throw new IllegalArgumentException("Allocation parts cannot be negative.");
        }
    }

    /** The whole payment: interest + principal + late fees. */
    public Money total() {
        return interest.plus(principal).plus(lateFees);
    }
}
