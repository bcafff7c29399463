package coop.tally.member;

import coop.tally.crypto.FieldCipher;
import coop.tally.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MemberAccountTest {

    private static final LocalDate OPENED = LocalDate.of(2024, 3, 1);
    private final Member member = new Member("100001", "Eleanor", "Whitfield", LocalDate.of(1978, 4, 12),
            "900-41-1234", new FieldCipher(new byte[32]), null, OPENED);

    private MemberAccount share() {
        return MemberAccount.openDeposit(member, "100001-S00", AccountType.SHARE, OPENED);
    }

    private MemberAccount loan() {
        return MemberAccount.openLoan(member, "100001-L01", OPENED, new BigDecimal("0.065"), Money.of("385.00"),
                OPENED.plusMonths(1));
    }

    @Test
    void accounts_open_at_zero_and_active() {
        MemberAccount share = share();
        assertEquals(Money.ZERO, share.ledgerBalance());
        assertEquals(Money.ZERO, share.availableBalance());
        assertEquals(AccountStatus.ACTIVE, share.status());
        assertEquals(Money.ZERO, loan().lateFeesDue());
    }

    @Test
    void a_credit_adds_to_a_deposit_account_and_a_debit_takes_away() {
        MemberAccount share = share();
        share.applyCredit(Money.of("100.00"));
        share.applyDebit(Money.of("30.25"));
        assertEquals(Money.of("69.75"), share.ledgerBalance());
        assertEquals(Money.of("69.75"), share.availableBalance());
    }

    @Test
    void a_deposit_account_may_be_overdrawn_the_rules_decide_whether_it_is_allowed() {
        MemberAccount share = share();
        share.applyDebit(Money.of("10.00"));
        assertEquals(Money.of("-10.00"), share.ledgerBalance());
    }

    @Test
    void a_debit_adds_to_a_loans_principal_and_a_credit_pays_it_down() {
        MemberAccount loan = loan();
        loan.applyDebit(Money.of("12500.00"));
        loan.applyCredit(Money.of("300.00"));
        assertEquals(Money.of("12200.00"), loan.ledgerBalance());
        assertEquals(Money.of("12200.00"), loan.availableBalance());
    }

    @Test
    void a_loan_cannot_be_paid_below_zero() {
        MemberAccount loan = loan();
        loan.applyDebit(Money.of("100.00"));
        assertThrows(IllegalStateException.class, () -> loan.applyCredit(Money.of("100.01")));
        assertEquals(Money.of("100.00"), loan.ledgerBalance());
    }

    @Test
    void amounts_must_be_positive() {
        MemberAccount share = share();
        assertThrows(IllegalArgumentException.class, () -> share.applyCredit(Money.ZERO));
        assertThrows(IllegalArgumentException.class, () -> share.applyDebit(Money.of("-1.00")));
        assertThrows(IllegalArgumentException.class, () -> share.placeHold(null));
    }

    @Test
    void holds_lower_the_available_balance_only() {
        MemberAccount share = share();
        share.applyCredit(Money.of("1000.00"));
        share.placeHold(Money.of("725.00"));
        assertEquals(Money.of("1000.00"), share.ledgerBalance());
        assertEquals(Money.of("275.00"), share.availableBalance());
        assertEquals(Money.of("725.00"), share.holds());

        share.applyDebit(Money.of("200.00"));
        assertEquals(Money.of("75.00"), share.availableBalance());
        assertEquals(Money.of("725.00"), share.holds());

        share.releaseHold(Money.of("725.00"));
        assertEquals(Money.of("800.00"), share.availableBalance());
        assertEquals(Money.ZERO, share.holds());
    }

    @Test
    void releasing_more_than_is_held_is_refused() {
        MemberAccount share = share();
        share.applyCredit(Money.of("500.00"));
        share.placeHold(Money.of("100.00"));
        assertThrows(IllegalStateException.class, () -> share.releaseHold(Money.of("100.01")));
        assertEquals(Money.of("400.00"), share.availableBalance());
    }

    @Test
    void loans_take_no_holds() {
        assertThrows(IllegalStateException.class, () -> loan().placeHold(Money.of("1.00")));
    }

    @Test
    void loan_servicing_moves_interest_date_fees_and_due_date() {
        MemberAccount loan = loan();
        assertEquals(OPENED, loan.interestPaidTo());
        loan.markInterestPaidTo(OPENED.plusDays(30));
        assertThrows(IllegalArgumentException.class, () -> loan.markInterestPaidTo(OPENED));
        loan.chargeLateFee(Money.of("35.00"));
        loan.payLateFees(Money.of("10.00"));
        assertEquals(Money.of("25.00"), loan.lateFeesDue());
        assertThrows(IllegalArgumentException.class, () -> loan.payLateFees(Money.of("25.01")));
        loan.moveNextDueDate(OPENED.plusMonths(2));
        assertEquals(OPENED.plusMonths(2), loan.nextDueDate());
        assertThrows(IllegalStateException.class, () -> share().chargeLateFee(Money.of("1.00")));
    }

    @Test
    void rates_are_kept_with_six_decimals() {
        assertEquals(new BigDecimal("0.065000"), loan().annualRate());
        assertThrows(IllegalArgumentException.class, () -> MemberAccount.openCertificate(member, "100001-S80", OPENED,
                new BigDecimal("1.5"), OPENED.plusYears(1)));
    }

    @Test
    void only_an_empty_account_closes_and_a_closed_one_stays_closed() {
        MemberAccount share = share();
        share.applyCredit(Money.of("5.00"));
        assertThrows(IllegalStateException.class, () -> share.close(OPENED.plusDays(1)));
        share.applyDebit(Money.of("5.00"));
        share.close(OPENED.plusDays(1));
        assertEquals(AccountStatus.CLOSED, share.status());
        assertEquals(OPENED.plusDays(1), share.closedOn());
        assertThrows(IllegalStateException.class, share::reactivate);
    }

    @Test
    void status_changes() {
        MemberAccount share = share();
        share.markDormant();
        assertEquals(AccountStatus.DORMANT, share.status());
        share.freeze();
        assertEquals(AccountStatus.FROZEN, share.status());
        share.reactivate();
        assertEquals(AccountStatus.ACTIVE, share.status());
    }

    @Test
    void certificates_and_loans_need_their_terms() {
        assertThrows(IllegalArgumentException.class,
                () -> MemberAccount.openDeposit(member, "100001-L01", AccountType.LOAN, OPENED));
    }
}
