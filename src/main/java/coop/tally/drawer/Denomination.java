package coop.tally.drawer;

import coop.tally.money.Money;

import java.util.Optional;

/**
 * The notes and coin a drawer is counted in (DESIGN.md "Drawers"). The key is what the API
 * writes: bills as whole dollars ("100", "1"), coin with two decimals ("1.00", "0.25"), so
 * that the dollar bill and the dollar coin stay apart.
 */
public enum Denomination {
    BILL_100("100", 10_000),
    BILL_50("50", 5_000),
    BILL_20("20", 2_000),
    BILL_10("10", 1_000),
    BILL_5("5", 500),
    BILL_2("2", 200),
    BILL_1("1", 100),
    COIN_1_00("1.00", 100),
    COIN_0_50("0.50", 50),
    COIN_0_25("0.25", 25),
    COIN_0_10("0.10", 10),
    COIN_0_05("0.05", 5),
    COIN_0_01("0.01", 1);

    private final String key;
    private final long cents;

    Denomination(String key, long cents) {
        this.key = key;
        this.cents = cents;
    }

    public String key() {
        return key;
    }

    public Money value() {
        return Money.ofCents(cents);
    }

    /** The value of {@code pieces} of this denomination. */
    public Money times(long pieces) {
        return Money.ofCents(Math.multiplyExact(cents, pieces));
    }

    public static Optional<Denomination> byKey(String key) {
        for (Denomination denomination : values()) {
            if (denomination.key.equals(key)) {
                return Optional.of(denomination);
            }
        }
        return Optional.empty();
    }
}
