package coop.tally.posting.rule;

import coop.tally.ledger.EntryType;
import org.junit.jupiter.api.Test;

import static coop.tally.posting.rule.Facts.account;
import static coop.tally.posting.rule.Facts.byStaffMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaffOwnAccountRuleTest {

    private final StaffOwnAccountRule rule = new StaffOwnAccountRule();

    @Test
    void refuses_staff_posting_to_their_own_account() {
        PostingFacts deposit = byStaffMember("100001", EntryType.DEPOSIT, account("100001-S00").member("100001").destination("10.00"));
        assertEquals("STAFF_OWN_ACCOUNT", rule.check(deposit).orElseThrow().code());
    }

    @Test
    void refuses_a_transfer_into_their_own_account_from_someone_else() {
        PostingFacts transfer = byStaffMember("100001", EntryType.TRANSFER,
                account("200002-S00").member("200002").source("10.00"),
                account("100001-S00").member("100001").destination("10.00"));
        assertEquals("STAFF_OWN_ACCOUNT", rule.check(transfer).orElseThrow().code());
    }

    @Test
    void a_staff_member_may_serve_other_members() {
        PostingFacts deposit = byStaffMember("100001", EntryType.DEPOSIT, account("200002-S00").member("200002").destination("10.00"));
        assertTrue(rule.check(deposit).isEmpty());
    }

    @Test
    void staff_who_are_not_members_pass() {
        PostingFacts deposit = byStaffMember(null, EntryType.DEPOSIT, account("100001-S00").member("100001").destination("10.00"));
        assertTrue(rule.check(deposit).isEmpty());
    }

    @Test
    void member_numbers_are_compared_exactly() {
        PostingFacts deposit = byStaffMember("10000", EntryType.DEPOSIT, account("100001-S00").member("100001").destination("10.00"));
        assertTrue(rule.check(deposit).isEmpty());
    }
}
