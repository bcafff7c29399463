package coop.tally.ledger.hold;

import coop.tally.money.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Part of a deposit that is not yet available: it counts in the ledger balance but not in the
 * available balance until {@code releaseOn}, from the start of which it is available.
 */
public record Hold(Money amount, LocalDate releaseOn) {

    public Hold {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(releaseOn, "releaseOn");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A hold must be for a positive amount: " + amount);
        }
    }
}
