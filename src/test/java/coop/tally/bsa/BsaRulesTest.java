package coop.tally.bsa;

import coop.tally.ledger.EntryType;
import coop.tally.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static coop.tally.bsa.BsaRules.Direction.IN;
import static coop.tally.bsa.BsaRules.Direction.OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BsaRulesTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 10);
    private static long nextEntry = 1;

    private static BsaRules.Movement cash(String member, LocalDate day, BsaRules.Direction direction, EntryType type, String amount) {
        return new BsaRules.Movement(nextEntry++, member, day, direction, type, Money.of(amount));
    }

    @Test
    void cash_in_and_cash_out_add_up_separately_and_only_the_total_crosses() {
        List<BsaRules.Movement> day = new ArrayList<>();
        day.add(cash("100001", MONDAY, IN, EntryType.DEPOSIT, "4000.00"));
        day.add(cash("100001", MONDAY, OUT, EntryType.WITHDRAWAL, "6000.00"));
        day.add(cash("100001", MONDAY, IN, EntryType.LOAN_PAYMENT, "3000.00"));
        day.add(cash("100001", MONDAY, OUT, EntryType.WITHDRAWAL, "3999.99"));
        // in 7,000.00, out 9,999.99: together above 10,000.00, but neither direction is
        assertFalse(BsaRules.needsCtr(day, "100001", MONDAY, IN));
        assertFalse(BsaRules.needsCtr(day, "100001", MONDAY, OUT));

        day.add(cash("100001", MONDAY, OUT, EntryType.WITHDRAWAL, "0.01"));
        assertEquals(Money.of("10000.00"), BsaRules.total(day, "100001", MONDAY, OUT));
        assertFalse(BsaRules.needsCtr(day, "100001", MONDAY, OUT), "exactly 10,000.00 is not above it");

        day.add(cash("100001", MONDAY, IN, EntryType.OFFICIAL_CHECK, "3000.01"));
        assertTrue(BsaRules.needsCtr(day, "100001", MONDAY, IN), "7,000.00 + 3,000.01 in");
        assertFalse(BsaRules.needsCtr(day, "100001", MONDAY, OUT));
    }

    @Test
    void other_members_and_other_days_do_not_count() {
        List<BsaRules.Movement> movements = List.of(
                cash("100001", MONDAY, IN, EntryType.DEPOSIT, "6000.00"),
                cash("100002", MONDAY, IN, EntryType.DEPOSIT, "6000.00"),
                cash("100001", MONDAY.plusDays(1), IN, EntryType.DEPOSIT, "6000.00"));
        assertFalse(BsaRules.needsCtr(movements, "100001", MONDAY, IN));
        assertFalse(BsaRules.needsCtr(movements, "100001", MONDAY.plusDays(1), IN));
    }

    @Test
    void the_direction_of_cash_follows_the_posting_type() {
        assertEquals(Optional.of(OUT), BsaRules.direction(EntryType.WITHDRAWAL));
        assertEquals(Optional.of(IN), BsaRules.direction(EntryType.DEPOSIT));
        assertEquals(Optional.of(IN), BsaRules.direction(EntryType.LOAN_PAYMENT));
        assertEquals(Optional.of(IN), BsaRules.direction(EntryType.OFFICIAL_CHECK));
        assertEquals(Optional.empty(), BsaRules.direction(EntryType.TRANSFER));
    }

    @Test
    void an_official_check_bought_with_3000_to_10000_in_cash_needs_the_buyers_id() {
        assertFalse(BsaRules.needsBuyerId(EntryType.OFFICIAL_CHECK, Money.of("2999.99")));
        assertTrue(BsaRules.needsBuyerId(EntryType.OFFICIAL_CHECK, Money.of("3000.00")));
        assertTrue(BsaRules.needsBuyerId(EntryType.OFFICIAL_CHECK, Money.of("10000.00")));
        assertFalse(BsaRules.needsBuyerId(EntryType.OFFICIAL_CHECK, Money.of("10000.01")));
        assertFalse(BsaRules.needsBuyerId(EntryType.DEPOSIT, Money.of("5000.00")));
    }

    @Test
    void repeated_deposits_just_under_the_threshold_within_three_business_days_are_structuring() {
        BsaRules.Movement first = cash("100001", MONDAY, IN, EntryType.DEPOSIT, "9500.00");
        BsaRules.Movement third = cash("100001", MONDAY.plusDays(2), IN, EntryType.DEPOSIT, "8000.00");
        // Monday, Tuesday, Wednesday are the last three business days: Monday is inside the window
        List<BsaRules.Movement> pattern = BsaRules.structuring(third, List.of(first, third), MONDAY);
        assertEquals(List.of(first, third), pattern);
        // on Thursday the window starts on Tuesday: Monday's deposit is too old
        BsaRules.Movement thursday = cash("100001", MONDAY.plusDays(3), IN, EntryType.DEPOSIT, "9000.00");
        assertEquals(List.of(), BsaRules.structuring(thursday, List.of(first), MONDAY.plusDays(1)));
    }

    @Test
    void deposits_below_8000_withdrawals_and_one_deposit_alone_are_not() {
        BsaRules.Movement big = cash("100001", MONDAY, IN, EntryType.DEPOSIT, "9000.00");
        assertEquals(List.of(), BsaRules.structuring(big, List.of(big), MONDAY), "one deposit alone");
        BsaRules.Movement small = cash("100001", MONDAY, IN, EntryType.DEPOSIT, "7999.99");
        assertEquals(List.of(), BsaRules.structuring(big, List.of(small), MONDAY));
        assertEquals(List.of(), BsaRules.structuring(small, List.of(big), MONDAY));
        BsaRules.Movement withdrawal = cash("100001", MONDAY, OUT, EntryType.WITHDRAWAL, "9000.00");
        assertEquals(List.of(), BsaRules.structuring(big, List.of(withdrawal), MONDAY));
        BsaRules.Movement otherMember = cash("100002", MONDAY, IN, EntryType.DEPOSIT, "9000.00");
        assertEquals(List.of(), BsaRules.structuring(big, List.of(otherMember), MONDAY));
    }
}
