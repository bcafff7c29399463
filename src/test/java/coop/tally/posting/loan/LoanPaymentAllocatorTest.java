package coop.tally.posting.loan;

import coop.tally.platform.Refusal;
import coop.tally.money.Money;
import coop.tally.posting.rule.PostingRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Hand-computed schedule. Interest = principal × rate × days / 365, half-up to the cent.
 *
 * <pre>
 * Loan A: principal 10,000.00 at 6.00 %, interest paid to 2025-01-15, no fees.
 *   on time, 2025-02-15: 31 days; 10000 × 0.06 × 31 / 365 = 18600 / 365 = 50.9589… → 50.96
 *       payment 300.00 → interest 50.96, principal 249.04; principal left 9,750.96
 *   then 2025-03-25 (late; 2025 February has 28 days, so 28 + 10 = 38 days):
 *       9750.96 × 0.06 × 38 / 365 = 22232.1888 / 365 = 60.9101… → 60.91
 *       payment 300.00 → interest 60.91, principal 239.09; principal left 9,511.87
 *   late instead of on time, 2025-02-25: 41 days; 24600 / 365 = 67.3972… → 67.40
 *       payment 300.00 → interest 67.40, principal 232.60
 *   payoff 2025-02-15: 10,000.00 + 50.96 = 10,050.96; 10,050.97 is refused quoting 10,050.96
 *   small payment 30.00 on 2025-02-15: all to interest, 20.96 carried;
 *       then 2025-03-15: 28 days; 16800 / 365 = 46.0273… → 46.03; owed 20.96 + 46.03 = 66.99
 *
 * Loan B: principal 1,000.00 at 12.00 %, interest paid to 2025-01-01, late fees due 15.00.
 *   2025-02-01: 31 days; 1000 × 0.12 × 31 / 365 = 3720 / 365 = 10.1917… → 10.19
 *       payment 100.00 → interest 10.19, principal 89.81, late fees 0.00 (fees last)
 *       payoff 1,000.00 + 10.19 + 15.00 = 1,025.19 → interest 10.19, principal 1,000.00, fees 15.00
 * </pre>
 */
class LoanPaymentAllocatorTest {

    private final LoanPaymentAllocator allocator = new LoanPaymentAllocator();

    private static final LoanTerms LOAN_A = new LoanTerms(Money.of("10000.00"), new BigDecimal("0.06"),
            LocalDate.of(2025, 1, 15), Money.ZERO);
    private static final LoanTerms LOAN_B = new LoanTerms(Money.of("1000.00"), new BigDecimal("0.12"),
            LocalDate.of(2025, 1, 1), Money.of("15.00"));

    @Test
    void on_time_payment_pays_interest_then_principal() {
        Allocation split = allocator.allocate(LOAN_A, Money.of("300.00"), LocalDate.of(2025, 2, 15));

        assertEquals(new Allocation(Money.of("50.96"), Money.of("249.04"), Money.ZERO, LocalDate.of(2025, 2, 15)), split);
        assertEquals(Money.of("300.00"), split.total());
        LoanTerms after = LOAN_A.after(split);
        assertEquals(Money.of("9750.96"), after.principal());
        assertEquals(LocalDate.of(2025, 2, 15), after.interestPaidTo());
        assertEquals(Money.ZERO, after.unpaidInterest());
    }

    @Test
    void the_next_payment_runs_from_the_new_interest_date_on_the_new_principal() {
        LoanTerms afterFirst = LOAN_A.after(allocator.allocate(LOAN_A, Money.of("300.00"), LocalDate.of(2025, 2, 15)));

        Allocation second = allocator.allocate(afterFirst, Money.of("300.00"), LocalDate.of(2025, 3, 25));

        assertEquals(new Allocation(Money.of("60.91"), Money.of("239.09"), Money.ZERO, LocalDate.of(2025, 3, 25)), second);
        assertEquals(Money.of("9511.87"), afterFirst.after(second).principal());
    }

    @Test
    void a_late_payment_pays_more_days_of_interest() {
        Allocation split = allocator.allocate(LOAN_A, Money.of("300.00"), LocalDate.of(2025, 2, 25));
        assertEquals(new Allocation(Money.of("67.40"), Money.of("232.60"), Money.ZERO, LocalDate.of(2025, 2, 25)), split);
    }

    @Test
    void a_payment_of_exactly_the_payoff_pays_the_loan_off() {
        LocalDate day = LocalDate.of(2025, 2, 15);
        PayoffQuote quote = allocator.quotePayoff(LOAN_A, day);
        assertEquals(Money.of("10050.96"), quote.total());

        Allocation split = allocator.allocate(LOAN_A, Money.of("10050.96"), day);

        assertEquals(new Allocation(Money.of("50.96"), Money.of("10000.00"), Money.ZERO, day), split);
        LoanTerms after = LOAN_A.after(split);
        assertEquals(Money.ZERO, after.principal());
        assertEquals(Money.ZERO, after.lateFeesDue());
        assertEquals(Money.ZERO, after.unpaidInterest());
        assertEquals(Money.ZERO, allocator.quotePayoff(after, day).total());
    }

    @Test
    void a_payment_above_the_payoff_is_refused_quoting_the_payoff() {
        PaymentExceedsPayoffException refused = assertThrows(PaymentExceedsPayoffException.class,
                () -> allocator.allocate(LOAN_A, Money.of("10050.97"), LocalDate.of(2025, 2, 15)));

        assertEquals("PAYMENT_EXCEEDS_PAYOFF", refused.code());
        assertEquals(Refusal.Kind.RULES, refused.kind());
        assertEquals(Money.of("10050.96"), refused.payoff());
        assertEquals("10050.96", refused.details().get("payoff"));
        assertEquals("2025-02-15", refused.details().get("asOf"));
    }

    @Test
    void a_payment_smaller_than_the_interest_goes_all_to_interest_and_the_rest_is_carried() {
        LocalDate day = LocalDate.of(2025, 2, 15);
        Allocation split = allocator.allocate(LOAN_A, Money.of("30.00"), day);

        assertEquals(new Allocation(Money.of("30.00"), Money.ZERO, Money.ZERO, day), split);
        LoanTerms after = LOAN_A.after(split);
        assertEquals(Money.of("10000.00"), after.principal());
        assertEquals(Money.of("20.96"), after.unpaidInterest());
        assertEquals(Money.of("66.99"), after.accruedInterestAsOf(LocalDate.of(2025, 3, 15)));
    }

    @Test
    void late_fees_are_paid_last_never_before_interest_and_principal() {
        Allocation split = allocator.allocate(LOAN_B, Money.of("100.00"), LocalDate.of(2025, 2, 1));

        assertEquals(new Allocation(Money.of("10.19"), Money.of("89.81"), Money.ZERO, LocalDate.of(2025, 2, 1)), split);
        assertEquals(Money.of("15.00"), LOAN_B.after(split).lateFeesDue());
    }

    @Test
    void the_payoff_of_a_loan_with_late_fees_includes_and_clears_them() {
        LocalDate day = LocalDate.of(2025, 2, 1);
        PayoffQuote quote = allocator.quotePayoff(LOAN_B, day);
        assertEquals(new PayoffQuote(day, Money.of("1000.00"), Money.of("10.19"), Money.of("15.00")), quote);
        assertEquals(Money.of("1025.19"), quote.total());

        Allocation split = allocator.allocate(LOAN_B, Money.of("1025.19"), day);

        assertEquals(new Allocation(Money.of("10.19"), Money.of("1000.00"), Money.of("15.00"), day), split);
        assertEquals(Money.ZERO, LOAN_B.after(split).lateFeesDue());
        assertEquals(Money.ZERO, LOAN_B.after(split).principal());
    }

    @Test
    void a_payment_between_principal_and_payoff_pays_part_of_the_fees() {
        Allocation split = allocator.allocate(LOAN_B, Money.of("1020.19"), LocalDate.of(2025, 2, 1));
        assertEquals(Money.of("10.00"), split.lateFees());
        assertEquals(Money.of("5.00"), LOAN_B.after(split).lateFeesDue());
    }

    @Test
    void a_payment_dated_before_the_interest_date_is_refused() {
        PostingRefused refused = assertThrows(PostingRefused.class,
                () -> allocator.allocate(LOAN_A, Money.of("100.00"), LocalDate.of(2025, 1, 14)));
        assertEquals("PAYMENT_DATE_BEFORE_INTEREST_DATE", refused.code());
        assertEquals(Refusal.Kind.RULES, refused.kind());
    }

    @Test
    void a_payment_on_the_interest_date_owes_no_interest() {
        Allocation split = allocator.allocate(LOAN_A, Money.of("100.00"), LocalDate.of(2025, 1, 15));
        assertEquals(new Allocation(Money.ZERO, Money.of("100.00"), Money.ZERO, LocalDate.of(2025, 1, 15)), split);
    }

    @Test
    void a_zero_payment_is_malformed() {
        PostingRefused refused = assertThrows(PostingRefused.class,
                () -> allocator.allocate(LOAN_A, Money.ZERO, LocalDate.of(2025, 2, 15)));
        assertEquals("AMOUNT_NOT_POSITIVE", refused.code());
        assertEquals(Refusal.Kind.INVALID, refused.kind());
    }

    @Test
    void a_paid_off_loan_refuses_any_payment() {
        LoanTerms paidOff = new LoanTerms(Money.ZERO, new BigDecimal("0.06"), LocalDate.of(2025, 1, 15), Money.ZERO);
        assertEquals(Money.ZERO, assertThrows(PaymentExceedsPayoffException.class,
                () -> allocator.allocate(paidOff, Money.of("0.01"), LocalDate.of(2025, 6, 1))).payoff());
    }

    @ParameterizedTest(name = "{0} at {1} from {2} to {3} = {4}")
    @CsvSource({
            // 2024 is a leap year: February 1 to March 1 is 29 days, still over 365: 17400 / 365 = 47.671… → 47.67
            "10000.00, 0.06, 2024-02-01, 2024-03-01, 47.67",
            // a whole leap year is 366 days: 1000 × 0.10 × 366 / 365 = 100.2739… → 100.27
            "1000.00, 0.10, 2024-01-01, 2025-01-01, 100.27",
            // exactly half a cent rounds up: 18.25 × 0.10 × 1 / 365 = 0.005 → 0.01 (half-even would give 0.00)
            "18.25, 0.10, 2025-01-01, 2025-01-02, 0.01",
            // just under half a cent rounds down: 18.24 × 0.10 / 365 = 0.004997… → 0.00
            "18.24, 0.10, 2025-01-01, 2025-01-02, 0.00",
            "10000.00, 0.06, 2025-01-15, 2025-02-15, 50.96",
            "5000.00, 0.00, 2025-01-15, 2025-12-15, 0.00"
    })
    void accrues_simple_daily_interest_actual_over_365(String principal, String rate, LocalDate from, LocalDate to,
                                                       String interest) {
        LoanTerms terms = new LoanTerms(Money.of(principal), new BigDecimal(rate), from, Money.ZERO);
        assertEquals(Money.of(interest), terms.accruedInterestAsOf(to));
    }

    @Test
    void terms_refuse_impossible_values() {
        LocalDate day = LocalDate.of(2025, 1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> new LoanTerms(Money.of("-1.00"), BigDecimal.ZERO, day, Money.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new LoanTerms(Money.of("1.00"), new BigDecimal("-0.01"), day, Money.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new LoanTerms(Money.of("1.00"), new BigDecimal("6.5"), day, Money.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new LoanTerms(Money.of("1.00"), BigDecimal.ZERO, day, Money.of("-0.01")));
    }
}
