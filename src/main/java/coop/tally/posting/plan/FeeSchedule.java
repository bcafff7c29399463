package coop.tally.posting.plan;

import coop.tally.money.Money;

import java.util.Objects;

/**
 * What the credit union charges for official checks. ADMIN may change the amounts; the defaults are
 * {@link #standard()}. A zero fee is allowed (it simply produces no fee line).
 */
public record FeeSchedule(Money moneyOrderFee, Money cashiersCheckFee) {

    public FeeSchedule {
        Objects.requireNonNull(moneyOrderFee, "moneyOrderFee");
        Objects.requireNonNull(cashiersCheckFee, "cashiersCheckFee");
        if (moneyOrderFee.isNegative() || cashiersCheckFee.isNegative()) {
            throw new IllegalArgumentException("Fees cannot be negative.");
        }
    }

    /** Money order 5.00, cashier's check 10.00. */
    public static FeeSchedule standard() {
        return new FeeSchedule(Money.of("5.00"), Money.of("10.00"));
    }

    public Money feeFor(Instrument instrument) {
        return switch (instrument) {
            case MONEY_ORDER -> moneyOrderFee;
            case CASHIERS_CHECK -> cashiersCheckFee;
        };
    }
}
