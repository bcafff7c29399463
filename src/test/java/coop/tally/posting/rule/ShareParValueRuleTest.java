package coop.tally.posting.rule;

import coop.tally.ledger.EntryType;
import coop.tally.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static coop.tally.posting.rule.Facts.account;
import static coop.tally.posting.rule.Facts.posting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShareParValueRuleTest {

    private final ShareParValueRule rule = new ShareParValueRule();

    @ParameterizedTest(name = "ledger {0}, available {1}, withdraw {2} → {3}")
    @CsvSource({
            "100.00, 100.00, 95.00, ",
            "100.00, 100.00, 95.01, SHARE_PAR_VALUE",
            "100.00,  50.00, 45.00, ",
            "100.00,  50.00, 45.01, SHARE_PAR_VALUE",  // par must be collected funds, not held check money
            "  5.00,   5.00,  0.01, SHARE_PAR_VALUE"
    })
    void a_share_keeps_its_par_value(String ledger, String available, String amount, String code) {
        PostingFacts withdrawal = posting(EntryType.WITHDRAWAL, Tender.CASH,
                account("100001-S00").balances(ledger, available).source(amount));
        assertEquals(Optional.ofNullable(code), rule.check(withdrawal).map(RuleViolation::code));
    }

    @Test
    void the_refusal_says_what_is_true_and_offers_no_closing() {
        PostingFacts withdrawal = posting(EntryType.WITHDRAWAL, Tender.CASH,
                account("100001-S00").balances("100.00", "100.00").source("95.01"));
        String message = rule.check(withdrawal).orElseThrow().message();
        assertEquals("A share account keeps its par value of 5.00 in collected funds (held check money does not count):"
                + " this posting would leave less.", message);
        assertFalse(message.contains("clos"), "nothing closes an account yet: " + message);
    }

    @Test
    void closing_the_share_may_take_everything() {
        PostingFacts closing = posting(EntryType.WITHDRAWAL, Tender.CASH,
                account("100001-S00").balances("100.00", "100.00").closing().source("100.00"));
        assertTrue(rule.check(closing).isEmpty());
    }

    @Test
    void a_deposit_into_a_share_below_par_is_fine() {
        PostingFacts deposit = posting(EntryType.DEPOSIT, Tender.CASH,
                account("100001-S00").balances("0.00", "0.00").destination("1.00"));
        assertTrue(rule.check(deposit).isEmpty());
    }

    @Test
    void a_share_draft_has_no_par_value() {
        PostingFacts withdrawal = posting(EntryType.WITHDRAWAL, Tender.CASH,
                account("100001-D01").type(AccountType.SHARE_DRAFT).balances("100.00", "100.00").source("100.00"));
        assertTrue(rule.check(withdrawal).isEmpty());
    }

    @Test
    void the_par_value_is_configurable() {
        PostingFacts withdrawal = posting(EntryType.WITHDRAWAL, Tender.CASH,
                account("100001-S00").balances("100.00", "100.00").source("80.00"));
        assertTrue(new ShareParValueRule(Money.of("20.00")).check(withdrawal).isEmpty());
        assertEquals("SHARE_PAR_VALUE", new ShareParValueRule(Money.of("25.00")).check(withdrawal).orElseThrow().code());
    }
}
