package coop.tally.posting.rule;

import coop.tally.platform.Refusal;
import coop.tally.ledger.EntryType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static coop.tally.posting.rule.Facts.account;
import static coop.tally.posting.rule.Facts.byStaffMember;
import static coop.tally.posting.rule.Facts.posting;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostingRulesTest {

    private final PostingRules rules = PostingRules.standard();

    @Test
    void a_clean_transfer_passes_every_rule() {
        PostingFacts transfer = posting(EntryType.TRANSFER, null,
                account("100001-S00").source("50.00"), account("100001-D01").type(AccountType.SHARE_DRAFT).destination("50.00"));
        assertTrue(rules.check(transfer).isEmpty());
        assertTrue(rules.allViolations(transfer).isEmpty());
        assertDoesNotThrow(() -> rules.enforce(transfer));
    }

    @Test
    void answers_with_the_first_violation_in_order_or_all_of_them() {
        // staff's own frozen share, overdrawn below par: three rules object
        PostingFacts withdrawal = byStaffMember("100001", EntryType.WITHDRAWAL,
                account("100001-S00").status(AccountStatus.FROZEN).balances("10.00", "10.00").source("20.00"));

        assertEquals("STAFF_OWN_ACCOUNT", rules.check(withdrawal).orElseThrow().code());
        assertEquals(List.of("STAFF_OWN_ACCOUNT", "ACCOUNT_FROZEN", "INSUFFICIENT_FUNDS", "SHARE_PAR_VALUE"),
                rules.allViolations(withdrawal).stream().map(RuleViolation::code).toList());
    }

    @Test
    void beyond_the_available_balance_is_insufficient_funds_not_par_value() {
        PostingFacts withdrawal = posting(EntryType.WITHDRAWAL, Tender.CASH, account("100001-S00").source("100.01"));
        assertEquals("INSUFFICIENT_FUNDS", rules.check(withdrawal).orElseThrow().code());
    }

    @Test
    void enforce_throws_the_first_violation_as_a_422() {
        PostingFacts deposit = posting(EntryType.DEPOSIT, Tender.CASH,
                account("100001-S00").status(AccountStatus.CLOSED).destination("5.00"));
        PostingRefused refused = assertThrows(PostingRefused.class, () -> rules.enforce(deposit));
        assertEquals("ACCOUNT_CLOSED", refused.code());
        assertEquals(Refusal.Kind.RULES, refused.kind());
    }

    @Test
    void later_features_add_rules_without_changing_the_composite() {
        PostingRule verifiedCall = facts -> Optional.of(new RuleViolation("VERIFICATION_REQUIRED", "Verify the caller first."));
        PostingRules extended = rules.with(verifiedCall);

        PostingFacts deposit = posting(EntryType.DEPOSIT, Tender.CASH, account("100001-S00").destination("5.00"));
        assertEquals("VERIFICATION_REQUIRED", extended.check(deposit).orElseThrow().code());
        assertEquals(rules.rules().size() + 1, extended.rules().size());
        assertTrue(rules.check(deposit).isEmpty(), "the original composite is unchanged");
    }

    @Test
    void composites_nest() {
        PostingRules outer = new PostingRules(List.of(new PostingRules(List.of(new SameAccountRule()))));
        PostingFacts transfer = posting(EntryType.TRANSFER, null,
                account("100001-S00").source("1.00"), account("100001-S00").destination("1.00"));
        assertEquals("SAME_ACCOUNT", outer.check(transfer).orElseThrow().code());
    }

    @Test
    void violation_codes_are_upper_snake_case() {
        assertThrows(IllegalArgumentException.class, () -> new RuleViolation("insufficient funds", "x"));
    }
}
