package coop.tally.account;

import coop.tally.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EarlyWithdrawalPenaltyTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 3, 2);

    @ParameterizedTest
    @CsvSource({"1, 90", "12, 90", "13, 180", "36, 180", "37, 365", "60, 365"})
    void the_days_of_interest_grow_with_the_term(int termMonths, int days) {
        assertEquals(days, EarlyWithdrawalPenalty.daysOfInterest(termMonths));
    }

    @Test
    void ninety_days_of_interest_on_a_one_year_certificate() {
        // 10,000.00 x 5 % x 90 / 365 = 123.287... -> 123.29
        assertEquals(Money.of("123.29"), EarlyWithdrawalPenalty.of(12, new BigDecimal("0.05"), Money.of("10000.00"),
                OPENED.plusDays(10), OPENED.plusMonths(12)));
    }

    @Test
    void a_five_year_certificate_forfeits_a_year_of_interest() {
        assertEquals(Money.of("400.00"), EarlyWithdrawalPenalty.of(60, new BigDecimal("0.04"), Money.of("10000.00"),
                OPENED.plusDays(1), OPENED.plusMonths(60)));
    }

    @Test
    void never_more_than_the_balance() {
        // no valid rate forfeits a whole year's worth above the balance; the rule holds even so
        assertEquals(Money.of("80.00"), EarlyWithdrawalPenalty.of(60, new BigDecimal("1.5"), Money.of("80.00"),
                OPENED, OPENED.plusMonths(60)));
        assertEquals(Money.ZERO, EarlyWithdrawalPenalty.of(60, new BigDecimal("0.19"), Money.of("0.01"),
                OPENED, OPENED.plusMonths(60)), "a cent at 19 % for a year rounds to nothing");
    }

    @Test
    void none_on_or_after_maturity_and_none_on_an_empty_certificate() {
        LocalDate maturity = OPENED.plusMonths(6);
        assertEquals(Money.ZERO, EarlyWithdrawalPenalty.of(6, new BigDecimal("0.05"), Money.of("1000.00"), maturity, maturity));
        assertEquals(Money.ZERO, EarlyWithdrawalPenalty.of(6, new BigDecimal("0.05"), Money.of("1000.00"), maturity.plusDays(3), maturity));
        assertEquals(Money.ZERO, EarlyWithdrawalPenalty.of(6, new BigDecimal("0.05"), Money.ZERO, OPENED, maturity));
    }

    @Test
    void a_zero_rate_certificate_pays_nothing() {
        assertEquals(Money.ZERO, EarlyWithdrawalPenalty.of(6, BigDecimal.ZERO, Money.of("1000.00"), OPENED, OPENED.plusMonths(6)));
    }
}
