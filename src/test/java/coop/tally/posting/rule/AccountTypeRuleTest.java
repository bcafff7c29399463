package coop.tally.posting.rule;

import coop.tally.ledger.EntryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static coop.tally.posting.rule.Facts.account;
import static coop.tally.posting.rule.Facts.posting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountTypeRuleTest {

    private final AccountTypeRule rule = new AccountTypeRule();

    @ParameterizedTest(name = "deposit into {0} → {1}")
    @CsvSource({
            "SHARE, ",
            "SHARE_DRAFT, ",
            "CERTIFICATE, CERTIFICATE_NOT_TRANSACTIONAL",
            "LOAN, LOAN_ACCOUNT_NOT_ALLOWED"
    })
    void deposits(AccountType type, String code) {
        PostingFacts deposit = posting(EntryType.DEPOSIT, Tender.CASH, account("100001-X").type(type).destination("10.00"));
        assertEquals(Optional.ofNullable(code), rule.check(deposit).map(RuleViolation::code));
    }

    @org.junit.jupiter.api.Test
    void a_certificate_takes_its_opening_deposit_and_pays_out_its_closing_at_the_desk_only() {
        assertEquals(Optional.empty(), rule.check(posting(EntryType.DEPOSIT, Tender.CHECK,
                account("100001-C00").type(AccountType.CERTIFICATE).closing().destination("10.00"))).map(RuleViolation::code));
        assertEquals(Optional.empty(), rule.check(posting(EntryType.WITHDRAWAL, Tender.OFFICIAL_CHECK,
                account("100001-C00").type(AccountType.CERTIFICATE).closing().source("10.00"))).map(RuleViolation::code));
        assertEquals(Optional.of("LOAN_ACCOUNT_NOT_ALLOWED"), rule.check(posting(EntryType.WITHDRAWAL, Tender.CASH,
                account("100001-L00").type(AccountType.LOAN).closing().source("10.00"))).map(RuleViolation::code));
    }

    @ParameterizedTest(name = "withdrawal from {0} → {1}")
    @CsvSource({
            "SHARE, ",
            "SHARE_DRAFT, ",
            "CERTIFICATE, CERTIFICATE_NOT_TRANSACTIONAL",
            "LOAN, LOAN_ACCOUNT_NOT_ALLOWED"
    })
    void withdrawals(AccountType type, String code) {
        PostingFacts withdrawal = posting(EntryType.WITHDRAWAL, Tender.CASH, account("100001-X").type(type).source("10.00"));
        assertEquals(Optional.ofNullable(code), rule.check(withdrawal).map(RuleViolation::code));
    }

    @ParameterizedTest(name = "transfer {0} → {1}: {2}")
    @CsvSource({
            "SHARE,       SHARE_DRAFT, ",
            "SHARE_DRAFT, SHARE,       ",
            "CERTIFICATE, SHARE,       CERTIFICATE_NOT_TRANSACTIONAL",
            "SHARE,       CERTIFICATE, CERTIFICATE_NOT_TRANSACTIONAL",
            "LOAN,        SHARE,       LOAN_ACCOUNT_NOT_ALLOWED",
            "SHARE,       LOAN,        LOAN_ACCOUNT_NOT_ALLOWED"
    })
    void transfers(AccountType from, AccountType to, String code) {
        PostingFacts transfer = posting(EntryType.TRANSFER, null,
                account("100001-A").type(from).source("10.00"), account("100001-B").type(to).destination("10.00"));
        assertEquals(Optional.ofNullable(code), rule.check(transfer).map(RuleViolation::code));
    }

    @ParameterizedTest(name = "loan payment from {0} to {1}: {2}")
    @CsvSource({
            "SHARE,       LOAN,        ",
            "SHARE_DRAFT, LOAN,        ",
            "SHARE,       SHARE_DRAFT, NOT_A_LOAN",
            "SHARE,       CERTIFICATE, NOT_A_LOAN",
            "CERTIFICATE, LOAN,        CERTIFICATE_NOT_TRANSACTIONAL",
            "LOAN,        LOAN,        LOAN_ACCOUNT_NOT_ALLOWED"
    })
    void loan_payments_from_an_account(AccountType from, AccountType to, String code) {
        PostingFacts payment = posting(EntryType.LOAN_PAYMENT, Tender.ACCOUNT,
                account("100001-A").type(from).source("10.00"), account("100001-B").type(to).destination("10.00"));
        assertEquals(Optional.ofNullable(code), rule.check(payment).map(RuleViolation::code));
    }

    @Test
    void a_cash_loan_payment_needs_only_the_loan() {
        PostingFacts payment = posting(EntryType.LOAN_PAYMENT, Tender.CASH,
                account("100001-L01").type(AccountType.LOAN).destination("10.00"));
        assertTrue(rule.check(payment).isEmpty());
        PostingFacts notALoan = posting(EntryType.LOAN_PAYMENT, Tender.CASH, account("100001-S00").destination("10.00"));
        assertEquals("NOT_A_LOAN", rule.check(notALoan).orElseThrow().code());
    }

    @ParameterizedTest(name = "official check bought from {0} → {1}")
    @CsvSource({
            "SHARE, ",
            "SHARE_DRAFT, ",
            "CERTIFICATE, CERTIFICATE_NOT_TRANSACTIONAL",
            "LOAN, LOAN_ACCOUNT_NOT_ALLOWED"
    })
    void official_checks(AccountType type, String code) {
        PostingFacts check = posting(EntryType.OFFICIAL_CHECK, Tender.ACCOUNT, account("100001-X").type(type).source("10.00"));
        assertEquals(Optional.ofNullable(code), rule.check(check).map(RuleViolation::code));
    }

    @ParameterizedTest
    @CsvSource({"CERTIFICATE", "LOAN"})
    void opening_balances_load_every_type(AccountType type) {
        assertTrue(rule.check(posting(EntryType.OPENING_BALANCE, null, account("100001-X").type(type).destination("10.00"))).isEmpty());
    }
}
