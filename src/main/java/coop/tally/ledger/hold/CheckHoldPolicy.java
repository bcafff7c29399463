package coop.tally.ledger.hold;

import coop.tally.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Holds on a check deposit, in the manner of Regulation CC. A deposit of amount A on business date D
 * splits into three tiers:
 *
 * <ol>
 *   <li>the first {@code availableAtOnce} (default 275.00): available immediately, no hold;</li>
 *   <li>the rest up to {@code largeDepositThreshold} of the deposit (default 6,725.00): held until
 *       D + {@code holdBusinessDays} business days (default 2);</li>
 *   <li>whatever is above {@code largeDepositThreshold}: held until D +
 *       {@code largeDepositHoldBusinessDays} business days (default 7), the large-deposit
 *       exception hold.</li>
 * </ol>
 *
 * So 275.01 holds 0.01 for two days; 6,725.01 holds 6,450.00 for two days and 0.01 for seven.
 * Tiers with nothing in them produce no hold. Immutable and thread-safe.
 */
public final class CheckHoldPolicy {

    public static final Money DEFAULT_AVAILABLE_AT_ONCE = Money.of("275.00");
    public static final Money DEFAULT_LARGE_DEPOSIT_THRESHOLD = Money.of("6725.00");
    public static final int DEFAULT_HOLD_BUSINESS_DAYS = 2;
    public static final int DEFAULT_LARGE_DEPOSIT_HOLD_BUSINESS_DAYS = 7;

    private final BusinessCalendar calendar;
    private final Money availableAtOnce;
    private final Money largeDepositThreshold;
    private final int holdBusinessDays;
    private final int largeDepositHoldBusinessDays;

    /** The policy with the default thresholds and hold periods. */
    public CheckHoldPolicy(BusinessCalendar calendar) {
        this(calendar, DEFAULT_AVAILABLE_AT_ONCE, DEFAULT_LARGE_DEPOSIT_THRESHOLD,
                DEFAULT_HOLD_BUSINESS_DAYS, DEFAULT_LARGE_DEPOSIT_HOLD_BUSINESS_DAYS);
    }

    public CheckHoldPolicy(BusinessCalendar calendar, Money availableAtOnce, Money largeDepositThreshold,
                           int holdBusinessDays, int largeDepositHoldBusinessDays) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.availableAtOnce = Objects.requireNonNull(availableAtOnce, "availableAtOnce");
        this.largeDepositThreshold = Objects.requireNonNull(largeDepositThreshold, "largeDepositThreshold");
        if (availableAtOnce.isNegative() || largeDepositThreshold.isLessThan(availableAtOnce)) {
            throw new IllegalArgumentException("Need 0 <= availableAtOnce <= largeDepositThreshold");
        }
        if (holdBusinessDays < 0 || largeDepositHoldBusinessDays < holdBusinessDays) {
            throw new IllegalArgumentException("Need 0 <= holdBusinessDays <= largeDepositHoldBusinessDays");
        }
        this.holdBusinessDays = holdBusinessDays;
        this.largeDepositHoldBusinessDays = largeDepositHoldBusinessDays;
    }

    /**
     * The holds for a check deposit of {@code amount} posted on {@code businessDate}, earliest
     * release first; empty when the whole deposit is available at once.
     */
    public List<Hold> holdsForCheckDeposit(Money amount, LocalDate businessDate) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A deposit amount must be positive: " + amount);
        }
        Money upToThreshold = amount.min(largeDepositThreshold);
        Money standardTier = upToThreshold.minus(amount.min(availableAtOnce));
        Money largeTier = amount.minus(upToThreshold);

        List<Hold> holds = new ArrayList<>(2);
        if (standardTier.isPositive()) {
            holds.add(new Hold(standardTier, calendar.plusBusinessDays(businessDate, holdBusinessDays)));
        }
        if (largeTier.isPositive()) {
            holds.add(new Hold(largeTier, calendar.plusBusinessDays(businessDate, largeDepositHoldBusinessDays)));
        }
        return List.copyOf(holds);
    }
}
