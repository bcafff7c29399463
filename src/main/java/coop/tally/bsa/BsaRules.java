package coop.tally.bsa;

import coop.tally.ledger.EntryType;
import coop.tally.money.Money;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The Bank Secrecy Act thresholds as plain functions: cash in and cash out per member per business
 * day are added up separately, and a day's total in one direction above 10,000.00 needs a Currency
 * Transaction Report; an official check bought with 3,000.00 to 10,000.00 in cash needs the buyer's
 * identification on record; cash deposits just under the CTR threshold (8,000.00 to 10,000.00)
 * repeated within 3 business days are a possible structuring pattern.
 */
public final class BsaRules {

    public static final Money CTR_THRESHOLD = Money.of("10000.00");
    public static final Money BUYER_ID_FROM = Money.of("3000.00");
    public static final Money NEAR_THRESHOLD_FROM = Money.of("8000.00");
    public static final int STRUCTURING_BUSINESS_DAYS = 3;

    /** Which way cash moves. */
    public enum Direction { IN, OUT }

    /** One cash posting as the rules read it. */
    public record Movement(long entryId, String memberNumber, LocalDate businessDate, Direction direction,
                           EntryType type, Money amount) {
    }

    private BsaRules() {
    }

    /** Cash tender on a withdrawal is paid out; on a deposit, loan payment or official check purchase, received. */
    public static Optional<Direction> direction(EntryType type) {
        return switch (type) {
            case WITHDRAWAL -> Optional.of(Direction.OUT);
            case DEPOSIT, LOAN_PAYMENT, OFFICIAL_CHECK -> Optional.of(Direction.IN);
            // a transfer moves no cash; the rest are not a member's cash (a reversal is read from its original)
            case TRANSFER, OPENING_BALANCE, REVERSAL, VAULT_BUY, VAULT_SELL, CASH_OVER_SHORT, TELLER_TRANSFER, EARLY_WITHDRAWAL_PENALTY -> Optional.empty();
        };
    }

    /** The day's total of {@code member}'s cash in {@code direction} on {@code date}. */
    public static Money total(Collection<Movement> movements, String member, LocalDate date, Direction direction) {
        Money total = Money.ZERO;
        for (Movement movement : movements) {
            if (movement.memberNumber().equals(member) && movement.businessDate().equals(date)
                    && movement.direction() == direction) {
                total = total.plus(movement.amount());
            }
        }
        return total;
    }

    /** True when that day's cash in that direction needs a CTR (strictly above 10,000.00). */
    public static boolean needsCtr(Collection<Movement> movements, String member, LocalDate date, Direction direction) {
        return total(movements, member, date, direction).isGreaterThan(CTR_THRESHOLD);
    }

    public static boolean needsBuyerId(EntryType type, Money faceValue) {
        return type == EntryType.OFFICIAL_CHECK && !faceValue.isLessThan(BUYER_ID_FROM) && !faceValue.isGreaterThan(CTR_THRESHOLD);
    }

    /** A cash deposit just under the CTR threshold. */
    public static boolean isNearThreshold(Movement movement) {
        return movement.type() == EntryType.DEPOSIT && movement.direction() == Direction.IN
                && !movement.amount().isLessThan(NEAR_THRESHOLD_FROM) && !movement.amount().isGreaterThan(CTR_THRESHOLD);
    }

    /**
     * The near-threshold cash deposits of the member that, with {@code latest}, make a structuring
     * pattern: {@code latest} is near the threshold and at least one other such deposit is on a
     * business date from {@code windowStart} (the oldest of the last 3 business days) on. Empty when none.
     */
    public static List<Movement> structuring(Movement latest, Collection<Movement> earlier, LocalDate windowStart) {
        if (!isNearThreshold(latest)) {
            return List.of();
        }
        List<Movement> pattern = earlier.stream()
                .filter(movement -> movement.entryId() != latest.entryId())
                .filter(movement -> movement.memberNumber().equals(latest.memberNumber()))
                .filter(movement -> !movement.businessDate().isBefore(windowStart)
                        && !movement.businessDate().isAfter(latest.businessDate()))
                .filter(BsaRules::isNearThreshold)
                .toList();
        if (pattern.isEmpty()) {
            return List.of();
        }
        return java.util.stream.Stream.concat(pattern.stream(), java.util.stream.Stream.of(latest)).toList();
    }
}
