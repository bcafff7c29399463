package coop.tally.ledger.hold;

import coop.tally.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CheckHoldPolicyTest {

    private final CheckHoldPolicy policy = new CheckHoldPolicy(new BusinessCalendar());

    /** Wednesday 12 March 2025: D+2 is Friday 14 March, D+7 is Friday 21 March. */
    private static final LocalDate WEDNESDAY = LocalDate.parse("2025-03-12");
    private static final LocalDate D_PLUS_2 = LocalDate.parse("2025-03-14");
    private static final LocalDate D_PLUS_7 = LocalDate.parse("2025-03-21");

    @ParameterizedTest(name = "{0}: held {1} for two days, {2} for seven")
    @CsvSource({
            "100.00,      0.00,     0.00",
            "275.00,      0.00,     0.00",
            "275.01,      0.01,     0.00",
            "5000.00,  4725.00,     0.00",
            "6725.00,  6450.00,     0.00",
            "6725.01,  6450.00,     0.01",
            "20000.00, 6450.00, 13275.00"
    })
    void splits_a_check_deposit_into_tiers(String deposit, String standardHold, String largeHold) {
        List<Hold> expected = new ArrayList<>();
        if (Money.of(standardHold).isPositive()) {
            expected.add(new Hold(Money.of(standardHold), D_PLUS_2));
        }
        if (Money.of(largeHold).isPositive()) {
            expected.add(new Hold(Money.of(largeHold), D_PLUS_7));
        }
        assertEquals(expected, policy.holdsForCheckDeposit(Money.of(deposit), WEDNESDAY));
    }

    @Test
    void what_is_held_plus_what_is_available_is_the_deposit() {
        Money deposit = Money.of("20000.00");
        Money held = policy.holdsForCheckDeposit(deposit, WEDNESDAY).stream()
                .map(Hold::amount).reduce(Money.ZERO, Money::plus);
        assertEquals(Money.of("275.00"), deposit.minus(held));
    }

    @Test
    void a_friday_deposit_is_released_after_the_weekend() {
        assertEquals(List.of(new Hold(Money.of("6450.00"), LocalDate.parse("2025-03-18")),
                        new Hold(Money.of("3275.00"), LocalDate.parse("2025-03-25"))),
                policy.holdsForCheckDeposit(Money.of("10000.00"), LocalDate.parse("2025-03-14")));
    }

    @Test
    void a_deposit_before_a_monday_holiday_skips_the_holiday() {
        // Friday 29 August 2025, Labor Day Monday 1 September: Tuesday is 1, Wednesday is 2
        assertEquals(List.of(new Hold(Money.of("725.00"), LocalDate.parse("2025-09-03"))),
                policy.holdsForCheckDeposit(Money.of("1000.00"), LocalDate.parse("2025-08-29")));
    }

    @Test
    void a_deposit_before_thanksgiving() {
        // Wednesday 26 Nov 2025; Thursday 27 is Thanksgiving; Friday 28 is 1, Monday 1 Dec is 2
        assertEquals(List.of(new Hold(Money.of("725.00"), LocalDate.parse("2025-12-01"))),
                policy.holdsForCheckDeposit(Money.of("1000.00"), LocalDate.parse("2025-11-26")));
    }

    @Test
    void a_large_deposit_on_christmas_eve_runs_over_christmas_and_new_year() {
        // Wednesday 24 Dec 2025: D+2 = Monday 29 Dec; D+7 skips 25 Dec and 1 Jan = Tuesday 6 Jan 2026
        assertEquals(List.of(new Hold(Money.of("6450.00"), LocalDate.parse("2025-12-29")),
                        new Hold(Money.of("1000.00"), LocalDate.parse("2026-01-06"))),
                policy.holdsForCheckDeposit(Money.of("7725.00"), LocalDate.parse("2025-12-24")));
    }

    @Test
    void thresholds_and_periods_are_configurable() {
        CheckHoldPolicy strict = new CheckHoldPolicy(new BusinessCalendar(), Money.of("100.00"), Money.of("1000.00"), 1, 5);
        assertEquals(List.of(new Hold(Money.of("900.00"), LocalDate.parse("2025-03-13")),
                        new Hold(Money.of("500.00"), LocalDate.parse("2025-03-19"))),
                strict.holdsForCheckDeposit(Money.of("1500.00"), WEDNESDAY));
    }

    @Test
    void refuses_inconsistent_configuration_and_non_positive_deposits() {
        BusinessCalendar calendar = new BusinessCalendar();
        assertThrows(IllegalArgumentException.class,
                () -> new CheckHoldPolicy(calendar, Money.of("500.00"), Money.of("100.00"), 2, 7));
        assertThrows(IllegalArgumentException.class,
                () -> new CheckHoldPolicy(calendar, Money.of("275.00"), Money.of("6725.00"), 7, 2));
        assertThrows(IllegalArgumentException.class, () -> policy.holdsForCheckDeposit(Money.ZERO, WEDNESDAY));
    }
}
