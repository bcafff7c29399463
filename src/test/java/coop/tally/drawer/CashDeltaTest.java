package coop.tally.drawer;

import coop.tally.ledger.AccountRef;
import coop.tally.ledger.LineDraft;
import coop.tally.money.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CashDeltaTest {

    private static final String DRAWER = "1010-D7";
    private static final AccountRef CASH = AccountRef.gl(DRAWER);

    @Test
    void a_debit_of_the_drawer_is_cash_in_and_a_credit_cash_out() {
        assertEquals(Money.of("30.00"), DrawerService.cashDelta(List.of(
                LineDraft.debit(CASH, Money.of("30.00")),
                LineDraft.credit(AccountRef.gl("2100"), Money.of("25.00")),
                LineDraft.credit(AccountRef.gl("4100"), Money.of("5.00"))), DRAWER));
        assertEquals(Money.of("-120.00"), DrawerService.cashDelta(List.of(
                LineDraft.debit(AccountRef.member("100001-S10"), Money.of("120.00")),
                LineDraft.credit(CASH, Money.of("120.00"))), DRAWER));
    }

    @Test
    void lines_of_other_drawers_and_accounts_do_not_count() {
        assertEquals(Money.ZERO, DrawerService.cashDelta(List.of(
                LineDraft.debit(AccountRef.gl("1010-D70"), Money.of("10.00")),
                LineDraft.credit(AccountRef.member("1010-D7"), Money.of("10.00"))), DRAWER));
    }
}
