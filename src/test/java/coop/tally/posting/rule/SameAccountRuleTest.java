package coop.tally.posting.rule;

import coop.tally.ledger.EntryType;
import org.junit.jupiter.api.Test;

import static coop.tally.posting.rule.Facts.account;
import static coop.tally.posting.rule.Facts.posting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SameAccountRuleTest {

    private final SameAccountRule rule = new SameAccountRule();

    @Test
    void refuses_a_transfer_from_an_account_to_itself() {
        PostingFacts transfer = posting(EntryType.TRANSFER, null,
                account("100001-S00").source("10.00"), account("100001-S00").destination("10.00"));
        assertEquals("SAME_ACCOUNT", rule.check(transfer).orElseThrow().code());
    }

    @Test
    void allows_a_transfer_between_two_accounts_of_the_same_member() {
        PostingFacts transfer = posting(EntryType.TRANSFER, null,
                account("100001-S00").source("10.00"), account("100001-S01").destination("10.00"));
        assertTrue(rule.check(transfer).isEmpty());
    }

    @Test
    void a_single_account_posting_passes() {
        assertTrue(rule.check(posting(EntryType.DEPOSIT, Tender.CASH, account("100001-S00").destination("10.00"))).isEmpty());
    }
}
