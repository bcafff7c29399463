package coop.tally.account;

import coop.tally.member.AccountStatus;
import coop.tally.member.AccountType;
import coop.tally.money.Money;
import coop.tally.platform.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClosePreconditionsTest {

    private static ClosePreconditions.Facts facts(AccountType type, AccountStatus status, String ledger, String holds,
                                                  boolean pending, AccountType... others) {
        return new ClosePreconditions.Facts("100007-S10", type, status, Money.of(ledger), Money.of(holds), pending, List.of(others));
    }

    private static String refusal(ClosePreconditions.Facts facts) {
        return assertThrows(Refusal.class, () -> ClosePreconditions.check(facts)).code();
    }

    @Test
    void a_draft_with_money_and_nothing_pending_closes() {
        assertDoesNotThrow(() -> ClosePreconditions.check(facts(AccountType.SHARE_DRAFT, AccountStatus.ACTIVE, "120.00", "0.00",
                false, AccountType.SHARE)));
    }

    @Test
    void funds_on_hold_or_a_waiting_approval_keep_it_open() {
        assertEquals("ACCOUNT_HAS_HOLDS", refusal(facts(AccountType.SHARE_DRAFT, AccountStatus.ACTIVE, "900.00", "625.00", false)));
        assertEquals("APPROVAL_PENDING", refusal(facts(AccountType.SHARE_DRAFT, AccountStatus.ACTIVE, "900.00", "0.00", true)));
    }

    @Test
    void a_loan_closes_only_when_paid_off() {
        assertEquals("LOAN_HAS_BALANCE", refusal(facts(AccountType.LOAN, AccountStatus.ACTIVE, "0.01", "0.00", false, AccountType.SHARE)));
        assertDoesNotThrow(() -> ClosePreconditions.check(facts(AccountType.LOAN, AccountStatus.ACTIVE, "0.00", "0.00", false, AccountType.SHARE)));
    }

    @Test
    void the_last_share_closes_last() {
        assertEquals("LAST_SHARE_WITH_OPEN_ACCOUNTS",
                refusal(facts(AccountType.SHARE, AccountStatus.ACTIVE, "25.00", "0.00", false, AccountType.CERTIFICATE)));
        assertDoesNotThrow(() -> ClosePreconditions.check(facts(AccountType.SHARE, AccountStatus.ACTIVE, "25.00", "0.00", false,
                AccountType.SHARE, AccountType.SHARE_DRAFT)));
        assertDoesNotThrow(() -> ClosePreconditions.check(facts(AccountType.SHARE, AccountStatus.ACTIVE, "25.00", "0.00", false)));
    }

    @Test
    void closed_and_frozen_accounts_are_refused() {
        assertEquals("ACCOUNT_ALREADY_CLOSED", refusal(facts(AccountType.SHARE_DRAFT, AccountStatus.CLOSED, "0.00", "0.00", false)));
        assertEquals("ACCOUNT_FROZEN", refusal(facts(AccountType.SHARE_DRAFT, AccountStatus.FROZEN, "10.00", "0.00", false)));
    }
}
