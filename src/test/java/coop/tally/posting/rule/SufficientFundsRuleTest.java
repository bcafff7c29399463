package coop.tally.posting.rule;

import coop.tally.ledger.EntryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static coop.tally.posting.rule.Facts.account;
import static coop.tally.posting.rule.Facts.posting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SufficientFundsRuleTest {

    private final SufficientFundsRule rule = new SufficientFundsRule();

    @ParameterizedTest(name = "ledger {0}, available {1}, withdraw {2} → {3}")
    @CsvSource({
            "100.00, 100.00, 100.00, ",
            "100.00, 100.00, 100.01, INSUFFICIENT_FUNDS",
            "100.00,  40.00,  40.00, ",
            "100.00,  40.00,  40.01, INSUFFICIENT_FUNDS",  // held check money cannot be withdrawn
            "  0.00,   0.00,   0.01, INSUFFICIENT_FUNDS",
            "-20.00, -20.00,   1.00, INSUFFICIENT_FUNDS"
    })
    void a_withdrawal_may_not_take_available_below_zero(String ledger, String available, String amount, String code) {
        PostingFacts withdrawal = posting(EntryType.WITHDRAWAL, Tender.CASH,
                account("100001-D01").type(AccountType.SHARE_DRAFT).balances(ledger, available).source(amount));
        assertEquals(Optional.ofNullable(code), rule.check(withdrawal).map(RuleViolation::code));
    }

    @Test
    void a_deposit_into_an_overdrawn_account_is_fine() {
        PostingFacts deposit = posting(EntryType.DEPOSIT, Tender.CASH,
                account("100001-D01").type(AccountType.SHARE_DRAFT).balances("-50.00", "-50.00").destination("10.00"));
        assertTrue(rule.check(deposit).isEmpty());
    }

    @Test
    void checks_the_source_of_a_transfer_not_the_destination() {
        PostingFacts transfer = posting(EntryType.TRANSFER, null,
                account("100001-S00").balances("30.00", "30.00").source("50.00"),
                account("100001-D01").type(AccountType.SHARE_DRAFT).balances("0.00", "0.00").destination("50.00"));
        assertEquals("INSUFFICIENT_FUNDS", rule.check(transfer).orElseThrow().code());
    }

    @Test
    void an_overdraft_of_a_type_left_to_the_override_policy_is_not_refused_here_others_still_are() {
        SufficientFundsRule leavingDrafts = new SufficientFundsRule(java.util.Set.of(AccountType.SHARE_DRAFT));
        PostingFacts draftOverdraft = posting(EntryType.WITHDRAWAL, Tender.CASH,
                account("100001-D01").type(AccountType.SHARE_DRAFT).balances("30.00", "30.00").source("50.00"));
        assertEquals("INSUFFICIENT_FUNDS", rule.check(draftOverdraft).orElseThrow().code());
        assertTrue(leavingDrafts.check(draftOverdraft).isEmpty());
        PostingFacts shareOverdraft = posting(EntryType.WITHDRAWAL, Tender.CASH,
                account("100001-S00").balances("30.00", "30.00").source("50.00"));
        assertEquals("INSUFFICIENT_FUNDS", leavingDrafts.check(shareOverdraft).orElseThrow().code());
    }

    @Test
    void a_loan_payment_lowers_the_loan_balance_without_a_funds_question() {
        PostingFacts payment = posting(EntryType.LOAN_PAYMENT, Tender.CASH,
                account("100001-L01").type(AccountType.LOAN).balances("500.00", "0.00").destination("100.00"));
        assertTrue(rule.check(payment).isEmpty());
    }

    @Test
    void the_message_reveals_no_balance_or_account_number() {
        PostingFacts withdrawal = posting(EntryType.WITHDRAWAL, Tender.CASH,
                account("100001-S00").balances("1234.56", "1234.56").source("2000.00"));
        String message = rule.check(withdrawal).orElseThrow().message();
        assertFalse(message.matches(".*\\d.*"), message);
    }
}
