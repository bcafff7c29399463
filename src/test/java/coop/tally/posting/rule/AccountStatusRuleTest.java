package coop.tally.posting.rule;

import coop.tally.ledger.EntryType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static coop.tally.posting.rule.Facts.account;
import static coop.tally.posting.rule.Facts.posting;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountStatusRuleTest {

    private final AccountStatusRule rule = new AccountStatusRule();

    @ParameterizedTest(name = "{0} source, {1} destination → {2}")
    @CsvSource({
            "ACTIVE,  ACTIVE,  ",
            "DORMANT, ACTIVE,  ",
            "ACTIVE,  DORMANT, ",
            "FROZEN,  ACTIVE,  ACCOUNT_FROZEN",
            "ACTIVE,  FROZEN,  ACCOUNT_FROZEN",
            "CLOSED,  ACTIVE,  ACCOUNT_CLOSED",
            "ACTIVE,  CLOSED,  ACCOUNT_CLOSED"
    })
    void refuses_frozen_and_closed_accounts_on_either_end(AccountStatus from, AccountStatus to, String code) {
        PostingFacts transfer = posting(EntryType.TRANSFER, null,
                account("100001-S00").status(from).source("10.00"),
                account("100001-D01").status(to).destination("10.00"));
        assertEquals(Optional.ofNullable(code), rule.check(transfer).map(RuleViolation::code));
    }

    @ParameterizedTest
    @CsvSource({"FROZEN, ACCOUNT_FROZEN", "CLOSED, ACCOUNT_CLOSED"})
    void even_a_deposit_is_refused(AccountStatus status, String code) {
        PostingFacts deposit = posting(EntryType.DEPOSIT, Tender.CASH, account("100001-S00").status(status).destination("10.00"));
        RuleViolation violation = rule.check(deposit).orElseThrow();
        assertEquals(code, violation.code());
        assertEquals(false, violation.message().contains("100001"), violation.message());
    }
}
