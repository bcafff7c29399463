package coop.tally.money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of US dollars, held as whole cents. Balances may be negative (an overdrawn
 * account); amounts a person types are parsed by {@link #parseAmount(String)}, which accepts only
 * positive amounts with at most two decimals.
 */
public final class Money implements Comparable<Money>, Serializable {

    /** The largest amount a single request may carry: 1,000,000,000.00. */
    public static final Money MAX_AMOUNT = new Money(100_000_000_000L);
    public static final Money ZERO = new Money(0);

    private final long cents;

    private Money(long cents) {
        this.cents = cents;
    }

    public static Money ofCents(long cents) {
        return cents == 0 ? ZERO : new Money(cents);
    }

    /** An exact decimal with at most two places, e.g. from the database; any sign. */
    public static Money of(BigDecimal amount) {
        try {
            return ofCents(amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Not an exact amount of cents: " + amount, e);
        }
    }

    /** For code and tests: "12.34", "-5.00". Not for user input (see {@link #parseAmount}). */
    public static Money of(String amount) {
        return of(new BigDecimal(amount));
    }

    /**
     * Parses an amount a client sent: a plain decimal string, greater than zero, at most two
     * decimals, at most 1,000,000,000.00. Anything else is refused with a reason saying which.
     */
    public static Money parseAmount(String text) {
        return AmountParser.parse(text);
    }

    public long cents() {
        return cents;
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(cents, 2);
    }

    /** "1250.00", "-3.10": the JSON form of an amount. */
    public String toPlainString() {
        return toBigDecimal().toPlainString();
    }

    public Money plus(Money other) {
        return ofCents(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return ofCents(Math.subtractExact(cents, other.cents));
    }

    public Money negate() {
        return ofCents(Math.negateExact(cents));
    }

    public Money times(long factor) {
        return ofCents(Math.multiplyExact(cents, factor));
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return cents == 0;
    }

    public boolean isNegative() {
        return cents < 0;
    }

    public boolean isPositive() {
        return cents > 0;
    }

    public boolean isGreaterThan(Money other) {
        return cents > other.cents;
    }

    public boolean isLessThan(Money other) {
        return cents < other.cents;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && money.cents == cents;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(cents);
    }

    @Override
    public String toString() {
        return toPlainString();
    }
}
