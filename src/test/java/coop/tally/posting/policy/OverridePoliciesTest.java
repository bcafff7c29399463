package coop.tally.posting.policy;

import coop.tally.approval.PolicyDecision;
import coop.tally.ledger.EntryType;
import coop.tally.posting.rule.Tender;
import coop.tally.posting.rule.AccountStatus;
import coop.tally.posting.rule.AccountType;
import coop.tally.staff.PostingLimit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static coop.tally.posting.policy.Overrides.posting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each override policy raises its reason exactly past its boundary, and the list combines them. */
class OverridePoliciesTest {

    private static Optional<String> reason(OverridePolicy policy, Overrides overrides) {
        return policy.check(overrides.facts()).map(PolicyDecision::reason);
    }

    private static Overrides cashWithdrawal(String amount) {
        return posting(EntryType.WITHDRAWAL, Tender.CASH, amount)
                .from("100001-S00", "100001", AccountType.SHARE, AccountStatus.ACTIVE, "50000.00");
    }

    @Nested
    class CashWithdrawalLimit {
        private final OverridePolicy policy = new CashWithdrawalLimitPolicy();

        @Test
        void cash_paid_out_above_the_default_2500_needs_an_override() {
            assertEquals(Optional.empty(), reason(policy, cashWithdrawal("2500.00")));
            assertEquals(Optional.of("CASH_LIMIT"), reason(policy, cashWithdrawal("2500.01")));
        }

        @Test
        void the_limit_in_force_is_the_one_that_counts() {
            assertEquals(Optional.empty(), reason(policy, cashWithdrawal("3000.00").limit(PostingLimit.CASH_WITHDRAWAL, "5000.00")));
            assertEquals(Optional.of("CASH_LIMIT"), reason(policy, cashWithdrawal("600.00").limit(PostingLimit.CASH_WITHDRAWAL, "500.00")));
        }

        @Test
        void only_cash_withdrawals_count() {
            assertEquals(Optional.empty(), reason(policy, posting(EntryType.WITHDRAWAL, Tender.OFFICIAL_CHECK, "3000.00")
                    .from("100001-S00", "100001", AccountType.SHARE, AccountStatus.ACTIVE, "50000.00")));
            assertEquals(Optional.empty(), reason(policy, posting(EntryType.DEPOSIT, Tender.CASH, "3000.00")
                    .to("100001-S00", "100001", AccountType.SHARE, AccountStatus.ACTIVE)));
        }
    }

    @Nested
    class SinglePostingLimit {
        private final OverridePolicy policy = new SinglePostingLimitPolicy();

        @Test
        void any_posting_above_10000_needs_an_override() {
            Overrides deposit = posting(EntryType.DEPOSIT, Tender.CHECK, "10000.00").to("100001-S00", "100001", AccountType.SHARE, AccountStatus.ACTIVE);
            assertEquals(Optional.empty(), reason(policy, deposit));
            Overrides above = posting(EntryType.DEPOSIT, Tender.CHECK, "10000.01").to("100001-S00", "100001", AccountType.SHARE, AccountStatus.ACTIVE);
            assertEquals(Optional.of("SINGLE_POSTING_LIMIT"), reason(policy, above));
            assertEquals(Optional.empty(), reason(policy, posting(EntryType.DEPOSIT, Tender.CHECK, "10000.01")
                    .limit(PostingLimit.SINGLE_POSTING, "20000.00")));
        }
    }

    @Nested
    class TransferToOtherMember {
        private final OverridePolicy policy = new TransferToOtherMemberPolicy();

        private Overrides transfer(String amount, String toMember) {
            return posting(EntryType.TRANSFER, null, amount)
                    .from("100001-S00", "100001", AccountType.SHARE, AccountStatus.ACTIVE, "50000.00")
                    .to(toMember + "-S10", toMember, AccountType.SHARE_DRAFT, AccountStatus.ACTIVE);
        }

        @Test
        void above_1000_to_another_member_needs_an_override() {
            assertEquals(Optional.empty(), reason(policy, transfer("1000.00", "100002")));
            assertEquals(Optional.of("TRANSFER_TO_OTHER_MEMBER"), reason(policy, transfer("1000.01", "100002")));
        }

        @Test
        void between_the_members_own_accounts_it_does_not() {
            assertEquals(Optional.empty(), reason(policy, transfer("5000.00", "100001")));
        }
    }

    @Nested
    class Overdraft {
        private final OverridePolicy policy = new OverdraftPolicy();

        @Test
        void a_share_draft_going_below_zero_needs_an_override() {
            Overrides toZero = posting(EntryType.WITHDRAWAL, Tender.CASH, "100.00")
                    .from("100001-S10", "100001", AccountType.SHARE_DRAFT, AccountStatus.ACTIVE, "100.00");
            assertEquals(Optional.empty(), reason(policy, toZero));
            Overrides below = posting(EntryType.WITHDRAWAL, Tender.CASH, "100.01")
                    .from("100001-S10", "100001", AccountType.SHARE_DRAFT, AccountStatus.ACTIVE, "100.00");
            assertEquals(Optional.of("OVERDRAFT"), reason(policy, below));
        }

        @Test
        void a_share_is_not_the_policys_to_allow() {
            // the posting rules refuse it with INSUFFICIENT_FUNDS before any policy is asked
            Overrides share = posting(EntryType.WITHDRAWAL, Tender.CASH, "100.01")
                    .from("100001-S00", "100001", AccountType.SHARE, AccountStatus.ACTIVE, "100.00");
            assertEquals(Optional.empty(), reason(policy, share));
        }
    }

    @Nested
    class Dormant {
        @Test
        void any_dormant_account_touched_needs_an_override() {
            OverridePolicy policy = new DormantAccountPolicy();
            assertEquals(Optional.of("DORMANT_ACCOUNT"), reason(policy, posting(EntryType.DEPOSIT, Tender.CASH, "10.00")
                    .to("100001-S00", "100001", AccountType.SHARE, AccountStatus.DORMANT)));
            assertEquals(Optional.empty(), reason(policy, posting(EntryType.DEPOSIT, Tender.CASH, "10.00")
                    .to("100001-S00", "100001", AccountType.SHARE, AccountStatus.ACTIVE)));
        }
    }

    @Nested
    class FeeWaiver {
        @Test
        void a_reps_waiver_on_an_official_check_needs_an_override_a_supervisors_does_not() {
            OverridePolicy policy = new FeeWaiverPolicy();
            assertEquals(Optional.of("FEE_WAIVER"), reason(policy, posting(EntryType.OFFICIAL_CHECK, Tender.CASH, "10.00").feeWaived()));
            assertEquals(Optional.empty(), reason(policy, posting(EntryType.OFFICIAL_CHECK, Tender.CASH, "10.00").feeWaived().bySupervisor()));
            assertEquals(Optional.empty(), reason(policy, posting(EntryType.OFFICIAL_CHECK, Tender.CASH, "10.00")));
        }
    }

    @Nested
    class Reversal {
        @Test
        void a_reps_reversal_needs_an_override() {
            OverridePolicy policy = new ReversalPolicy();
            assertEquals(Optional.of("REVERSAL"), reason(policy, posting(EntryType.REVERSAL, null, "10.00")));
            assertEquals(Optional.empty(), reason(policy, posting(EntryType.REVERSAL, null, "10.00").bySupervisor()));
            assertEquals(Optional.empty(), reason(policy, posting(EntryType.DEPOSIT, Tender.CASH, "10.00")));
        }
    }

    @Nested
    class BusinessDate {
        @Test
        void a_date_other_than_the_current_business_date_needs_an_override() {
            OverridePolicy policy = new BusinessDatePolicy();
            assertEquals(Optional.empty(), reason(policy, posting(EntryType.DEPOSIT, Tender.CASH, "10.00")));
            assertEquals(Optional.empty(), reason(policy, posting(EntryType.DEPOSIT, Tender.CASH, "10.00").onDate(Overrides.TODAY)));
            assertEquals(Optional.of("BUSINESS_DATE"), reason(policy, posting(EntryType.DEPOSIT, Tender.CASH, "10.00")
                    .onDate(Overrides.TODAY.minusDays(1))));
            assertEquals(Optional.of("BUSINESS_DATE"), reason(policy, posting(EntryType.DEPOSIT, Tender.CASH, "10.00")
                    .onDate(Overrides.TODAY.plusDays(1))));
        }
    }

    @Nested
    class Together {
        private final OverridePolicies policies = OverridePolicies.standard();

        @Test
        void an_ordinary_posting_posts() {
            assertTrue(policies.decide(cashWithdrawal("100.00").facts()).posts());
        }

        @Test
        void every_reason_raised_is_listed_for_one_approval() {
            OverridePolicies.Verdict verdict = policies.decide(posting(EntryType.WITHDRAWAL, Tender.CASH, "12000.00")
                    .from("100001-S10", "100001", AccountType.SHARE_DRAFT, AccountStatus.DORMANT, "11000.00").facts());
            assertFalse(verdict.posts());
            assertEquals(List.of("DORMANT_ACCOUNT", "OVERDRAFT", "CASH_LIMIT", "SINGLE_POSTING_LIMIT"), verdict.reasons());
        }
    }
}
