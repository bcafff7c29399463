package coop.tally.posting.plan;

import coop.tally.platform.Refusal;
import coop.tally.ledger.AccountRef;
import coop.tally.ledger.EntryDraft;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.LineDraft;
import coop.tally.money.Money;
import coop.tally.posting.rule.PostingRefused;
import coop.tally.posting.rule.Tender;
import coop.tally.posting.loan.Allocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;

import static coop.tally.ledger.LineDraft.credit;
import static coop.tally.ledger.LineDraft.debit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostingPlannerTest {

    private static final String SHARE = "100001-S00";
    private static final String DRAFT = "100001-D01";
    private static final String LOAN = "100001-L01";
    private static final String DRAWER = "1010-rep1";

    private static final AccountRef SHARE_REF = AccountRef.member(SHARE);
    private static final AccountRef DRAFT_REF = AccountRef.member(DRAFT);
    private static final AccountRef LOAN_REF = AccountRef.member(LOAN);
    private static final AccountRef DRAWER_REF = AccountRef.gl(DRAWER);

    private final PostingPlanner planner = new PostingPlanner(FeeSchedule.standard());
    private final PlanningContext withDrawer = PlanningContext.drawer(DRAWER);

    private static Money m(String amount) {
        return Money.of(amount);
    }

    private static List<LineDraft> lines(LineDraft... lines) {
        return List.of(lines);
    }

    private static PostingRequest request(EntryType type, Tender tender, String from, String to, String loan, String amount) {
        return new PostingRequest(type, tender, from, to, loan, amount == null ? null : m(amount), null, null, false, null);
    }

    private static PostingRequest officialCheck(Tender tender, String from, Instrument instrument, String amount,
                                                String fee, boolean waived) {
        return new PostingRequest(EntryType.OFFICIAL_CHECK, tender, from, null, null, m(amount), instrument,
                fee == null ? null : m(fee), waived, "for rent");
    }

    private PostingRefused refusal(PostingRequest request, PlanningContext context) {
        return assertThrows(PostingRefused.class, () -> planner.plan(request, context));
    }

    @Nested
    class Deposits {
        @Test
        void cash_goes_from_the_drawer_into_the_member_account() {
            EntryDraft entry = planner.plan(request(EntryType.DEPOSIT, Tender.CASH, null, SHARE, null, "250.00"), withDrawer);
            assertEquals(EntryType.DEPOSIT, entry.type());
            assertEquals(lines(debit(DRAWER_REF, m("250.00")), credit(SHARE_REF, m("250.00"))), entry.lines());
        }

        @Test
        void a_check_goes_through_checks_in_clearing() {
            EntryDraft entry = planner.plan(request(EntryType.DEPOSIT, Tender.CHECK, null, DRAFT, null, "1234.56"), PlanningContext.none());
            assertEquals(lines(debit(AccountRef.gl("1100"), m("1234.56")), credit(DRAFT_REF, m("1234.56"))), entry.lines());
        }

        @Test
        void internal_funds_are_applied_from_suspense() {
            EntryDraft entry = planner.plan(request(EntryType.DEPOSIT, Tender.INTERNAL, null, SHARE, null, "0.01"), PlanningContext.none());
            assertEquals(lines(debit(AccountRef.gl("2900"), m("0.01")), credit(SHARE_REF, m("0.01"))), entry.lines());
        }

        @ParameterizedTest
        @EnumSource(value = Tender.class, names = {"ACCOUNT", "OFFICIAL_CHECK"})
        void other_tenders_are_refused(Tender tender) {
            PostingRefused refused = refusal(request(EntryType.DEPOSIT, tender, null, SHARE, null, "10.00"), withDrawer);
            assertEquals("TENDER_NOT_ALLOWED", refused.code());
            assertEquals(Refusal.Kind.INVALID, refused.kind());
            assertEquals(tender.name(), refused.details().get("tender"));
        }

        @Test
        void needs_the_account_to_credit() {
            PostingRefused refused = refusal(request(EntryType.DEPOSIT, Tender.CASH, null, null, null, "10.00"), withDrawer);
            assertEquals("FIELD_REQUIRED", refused.code());
            assertEquals("toAccount", refused.details().get("field"));
        }

        @Test
        void cash_needs_an_open_drawer() {
            PostingRefused refused = refusal(request(EntryType.DEPOSIT, Tender.CASH, null, SHARE, null, "10.00"), PlanningContext.none());
            assertEquals("DRAWER_NOT_OPEN", refused.code());
            assertEquals(Refusal.Kind.RULES, refused.kind());
        }
    }

    @Nested
    class Withdrawals {
        @Test
        void cash_goes_from_the_member_account_out_of_the_drawer() {
            EntryDraft entry = planner.plan(request(EntryType.WITHDRAWAL, Tender.CASH, SHARE, null, null, "60.00"), withDrawer);
            assertEquals(EntryType.WITHDRAWAL, entry.type());
            assertEquals(lines(debit(SHARE_REF, m("60.00")), credit(DRAWER_REF, m("60.00"))), entry.lines());
        }

        @Test
        void by_official_check_it_becomes_an_official_check_outstanding() {
            EntryDraft entry = planner.plan(request(EntryType.WITHDRAWAL, Tender.OFFICIAL_CHECK, DRAFT, null, null, "2500.00"), PlanningContext.none());
            assertEquals(lines(debit(DRAFT_REF, m("2500.00")), credit(AccountRef.gl("2100"), m("2500.00"))), entry.lines());
        }

        @ParameterizedTest
        @EnumSource(value = Tender.class, names = {"CHECK", "INTERNAL", "ACCOUNT"})
        void other_tenders_are_refused(Tender tender) {
            assertEquals("TENDER_NOT_ALLOWED", refusal(request(EntryType.WITHDRAWAL, tender, SHARE, null, null, "10.00"), withDrawer).code());
        }

        @Test
        void needs_the_account_to_debit_and_a_tender() {
            assertEquals("fromAccount", refusal(request(EntryType.WITHDRAWAL, Tender.CASH, null, null, null, "10.00"), withDrawer)
                    .details().get("field"));
            assertEquals("tender", refusal(request(EntryType.WITHDRAWAL, null, SHARE, null, null, "10.00"), withDrawer)
                    .details().get("field"));
        }

        @Test
        void cash_needs_an_open_drawer() {
            assertEquals("DRAWER_NOT_OPEN", refusal(request(EntryType.WITHDRAWAL, Tender.CASH, SHARE, null, null, "10.00"), PlanningContext.none()).code());
        }
    }

    @Nested
    class Transfers {
        @ParameterizedTest
        @EnumSource(value = Tender.class, names = "ACCOUNT")
        void moves_from_one_member_account_to_another_with_or_without_a_tender(Tender tender) {
            for (Tender t : new Tender[]{null, tender}) {
                EntryDraft entry = planner.plan(request(EntryType.TRANSFER, t, SHARE, "200002-S00", null, "75.25"), PlanningContext.none());
                assertEquals(EntryType.TRANSFER, entry.type());
                assertEquals(lines(debit(SHARE_REF, m("75.25")), credit(AccountRef.member("200002-S00"), m("75.25"))), entry.lines());
            }
        }

        @ParameterizedTest
        @EnumSource(value = Tender.class, names = {"CASH", "CHECK", "INTERNAL", "OFFICIAL_CHECK"})
        void other_tenders_are_refused(Tender tender) {
            assertEquals("TENDER_NOT_ALLOWED", refusal(request(EntryType.TRANSFER, tender, SHARE, DRAFT, null, "10.00"), withDrawer).code());
        }

        @ParameterizedTest
        @CsvSource(value = {"NULL, 100001-D01, fromAccount", "100001-S00, NULL, toAccount", "100001-S00, '  ', toAccount"},
                nullValues = "NULL")
        void needs_both_accounts(String from, String to, String missing) {
            PostingRefused refused = refusal(request(EntryType.TRANSFER, null, from, to, null, "10.00"), PlanningContext.none());
            assertEquals("FIELD_REQUIRED", refused.code());
            assertEquals(missing, refused.details().get("field"));
        }

        @Test
        void an_account_number_with_surrounding_spaces_is_invalid() {
            PostingRefused refused = refusal(request(EntryType.TRANSFER, null, SHARE, " " + DRAFT, null, "10.00"), PlanningContext.none());
            assertEquals("FIELD_INVALID", refused.code());
            assertEquals("toAccount", refused.details().get("field"));
        }
    }

    @Nested
    class LoanPayments {
        private final Allocation allParts = new Allocation(m("50.96"), m("249.04"), m("15.00"), LocalDate.of(2025, 2, 15));

        @Test
        void from_an_account_credits_principal_interest_and_late_fees() {
            EntryDraft entry = planner.plan(request(EntryType.LOAN_PAYMENT, Tender.ACCOUNT, SHARE, null, LOAN, "315.00"),
                    PlanningContext.none().withLoanAllocation(allParts));
            assertEquals(EntryType.LOAN_PAYMENT, entry.type());
            assertEquals(lines(
                    debit(SHARE_REF, m("315.00")),
                    credit(LOAN_REF, m("249.04")),
                    credit(AccountRef.gl("4000"), m("50.96")),
                    credit(AccountRef.gl("4110"), m("15.00"))), entry.lines());
        }

        @Test
        void in_cash_debits_the_drawer() {
            EntryDraft entry = planner.plan(request(EntryType.LOAN_PAYMENT, Tender.CASH, null, null, LOAN, "315.00"),
                    withDrawer.withLoanAllocation(allParts));
            assertEquals(lines(
                    debit(DRAWER_REF, m("315.00")),
                    credit(LOAN_REF, m("249.04")),
                    credit(AccountRef.gl("4000"), m("50.96")),
                    credit(AccountRef.gl("4110"), m("15.00"))), entry.lines());
        }

        @Test
        void zero_parts_produce_no_line() {
            Allocation interestOnly = new Allocation(m("30.00"), Money.ZERO, Money.ZERO, LocalDate.of(2025, 2, 15));
            EntryDraft entry = planner.plan(request(EntryType.LOAN_PAYMENT, Tender.ACCOUNT, DRAFT, null, LOAN, "30.00"),
                    PlanningContext.none().withLoanAllocation(interestOnly));
            assertEquals(lines(debit(DRAFT_REF, m("30.00")), credit(AccountRef.gl("4000"), m("30.00"))), entry.lines());

            Allocation principalOnly = new Allocation(Money.ZERO, m("100.00"), Money.ZERO, LocalDate.of(2025, 1, 15));
            entry = planner.plan(request(EntryType.LOAN_PAYMENT, Tender.ACCOUNT, DRAFT, null, LOAN, "100.00"),
                    PlanningContext.none().withLoanAllocation(principalOnly));
            assertEquals(lines(debit(DRAFT_REF, m("100.00")), credit(LOAN_REF, m("100.00"))), entry.lines());
        }

        @ParameterizedTest
        @EnumSource(value = Tender.class, names = {"CHECK", "INTERNAL", "OFFICIAL_CHECK"})
        void other_tenders_are_refused(Tender tender) {
            assertEquals("TENDER_NOT_ALLOWED", refusal(request(EntryType.LOAN_PAYMENT, tender, SHARE, null, LOAN, "315.00"),
                    withDrawer.withLoanAllocation(allParts)).code());
        }

        @Test
        void needs_the_loan_and_for_an_account_payment_the_paying_account() {
            assertEquals("loanAccount", refusal(request(EntryType.LOAN_PAYMENT, Tender.ACCOUNT, SHARE, null, null, "315.00"),
                    PlanningContext.none().withLoanAllocation(allParts)).details().get("field"));
            assertEquals("fromAccount", refusal(request(EntryType.LOAN_PAYMENT, Tender.ACCOUNT, null, null, LOAN, "315.00"),
                    PlanningContext.none().withLoanAllocation(allParts)).details().get("field"));
        }

        @Test
        void a_cash_payment_names_no_paying_account() {
            PostingRefused refused = refusal(request(EntryType.LOAN_PAYMENT, Tender.CASH, SHARE, null, LOAN, "315.00"),
                    withDrawer.withLoanAllocation(allParts));
            assertEquals("FIELD_NOT_ALLOWED", refused.code());
            assertEquals("fromAccount", refused.details().get("field"));
        }

        @Test
        void an_allocation_that_does_not_add_up_is_a_caller_bug() {
            assertThrows(IllegalArgumentException.class, () -> planner.plan(
                    request(EntryType.LOAN_PAYMENT, Tender.ACCOUNT, SHARE, null, LOAN, "300.00"),
                    PlanningContext.none().withLoanAllocation(allParts)));
            assertThrows(IllegalArgumentException.class, () -> planner.plan(
                    request(EntryType.LOAN_PAYMENT, Tender.ACCOUNT, SHARE, null, LOAN, "300.00"), PlanningContext.none()));
        }
    }

    @Nested
    class OfficialChecks {
        @Test
        void a_money_order_from_an_account_with_the_scheduled_fee() {
            EntryDraft entry = planner.plan(officialCheck(Tender.ACCOUNT, SHARE, Instrument.MONEY_ORDER, "200.00", null, false),
                    PlanningContext.none());
            assertEquals(EntryType.OFFICIAL_CHECK, entry.type());
            assertEquals(lines(
                    debit(SHARE_REF, m("205.00")),
                    credit(AccountRef.gl("2100"), m("200.00")),
                    credit(AccountRef.gl("4100"), m("5.00"))), entry.lines());
        }

        @Test
        void a_cashiers_check_bought_with_cash() {
            EntryDraft entry = planner.plan(officialCheck(Tender.CASH, null, Instrument.CASHIERS_CHECK, "3000.00", null, false),
                    withDrawer);
            assertEquals(lines(
                    debit(DRAWER_REF, m("3010.00")),
                    credit(AccountRef.gl("2100"), m("3000.00")),
                    credit(AccountRef.gl("4100"), m("10.00"))), entry.lines());
        }

        @Test
        void a_waived_fee_has_no_fee_line() {
            EntryDraft entry = planner.plan(officialCheck(Tender.ACCOUNT, DRAFT, Instrument.CASHIERS_CHECK, "3000.00", null, true),
                    PlanningContext.none());
            assertEquals(lines(debit(DRAFT_REF, m("3000.00")), credit(AccountRef.gl("2100"), m("3000.00"))), entry.lines());
        }

        @Test
        void a_waived_fee_bought_with_cash() {
            EntryDraft entry = planner.plan(officialCheck(Tender.CASH, null, Instrument.MONEY_ORDER, "20.00", "5.00", true), withDrawer);
            assertEquals(lines(debit(DRAWER_REF, m("20.00")), credit(AccountRef.gl("2100"), m("20.00"))), entry.lines());
        }

        @Test
        void the_client_may_state_the_fee_it_expects() {
            EntryDraft entry = planner.plan(officialCheck(Tender.ACCOUNT, SHARE, Instrument.CASHIERS_CHECK, "100.00", "10.00", false),
                    PlanningContext.none());
            assertEquals(m("110.00"), entry.totalDebits());
        }

        @Test
        void a_fee_other_than_the_schedule_is_refused_quoting_the_schedule() {
            PostingRefused refused = refusal(officialCheck(Tender.ACCOUNT, SHARE, Instrument.CASHIERS_CHECK, "100.00", "5.00", false),
                    PlanningContext.none());
            assertEquals("FEE_MISMATCH", refused.code());
            assertEquals(Refusal.Kind.RULES, refused.kind());
            assertEquals("10.00", refused.details().get("scheduledFee"));
        }

        @Test
        void a_zero_fee_in_the_schedule_produces_no_fee_line() {
            PostingPlanner free = new PostingPlanner(new FeeSchedule(Money.ZERO, Money.ZERO));
            EntryDraft entry = free.plan(officialCheck(Tender.ACCOUNT, SHARE, Instrument.MONEY_ORDER, "20.00", null, false),
                    PlanningContext.none());
            assertEquals(lines(debit(SHARE_REF, m("20.00")), credit(AccountRef.gl("2100"), m("20.00"))), entry.lines());
        }

        @Test
        void needs_an_instrument() {
            assertEquals("instrument", refusal(officialCheck(Tender.ACCOUNT, SHARE, null, "20.00", null, false),
                    PlanningContext.none()).details().get("field"));
        }

        @ParameterizedTest
        @EnumSource(value = Tender.class, names = {"CHECK", "INTERNAL", "OFFICIAL_CHECK"})
        void other_tenders_are_refused(Tender tender) {
            assertEquals("TENDER_NOT_ALLOWED", refusal(officialCheck(tender, SHARE, Instrument.MONEY_ORDER, "20.00", null, false),
                    withDrawer).code());
        }

        @Test
        void needs_an_open_drawer_for_cash() {
            assertEquals("DRAWER_NOT_OPEN", refusal(officialCheck(Tender.CASH, null, Instrument.MONEY_ORDER, "20.00", null, false),
                    PlanningContext.none()).code());
        }
    }

    @Nested
    class OpeningBalances {
        @Test
        void a_deposit_account_is_credited_from_conversion_equity() {
            EntryDraft entry = planner.plan(request(EntryType.OPENING_BALANCE, null, null, SHARE, null, "1520.75"), PlanningContext.none());
            assertEquals(EntryType.OPENING_BALANCE, entry.type());
            assertEquals(lines(debit(AccountRef.gl("3900"), m("1520.75")), credit(SHARE_REF, m("1520.75"))), entry.lines());
        }

        @Test
        void a_loan_is_debited_against_conversion_equity() {
            EntryDraft entry = planner.plan(request(EntryType.OPENING_BALANCE, null, null, null, LOAN, "9000.00"), PlanningContext.none());
            assertEquals(lines(debit(LOAN_REF, m("9000.00")), credit(AccountRef.gl("3900"), m("9000.00"))), entry.lines());
        }

        @Test
        void names_exactly_one_account() {
            assertEquals("FIELD_REQUIRED", refusal(request(EntryType.OPENING_BALANCE, null, null, null, null, "1.00"), PlanningContext.none()).code());
            assertEquals("FIELD_NOT_ALLOWED", refusal(request(EntryType.OPENING_BALANCE, null, null, SHARE, LOAN, "1.00"), PlanningContext.none()).code());
            assertEquals("FIELD_NOT_ALLOWED", refusal(request(EntryType.OPENING_BALANCE, null, SHARE, null, LOAN, "1.00"), PlanningContext.none()).code());
        }

        @ParameterizedTest
        @EnumSource(Tender.class)
        void takes_no_tender(Tender tender) {
            assertEquals("TENDER_NOT_ALLOWED", refusal(request(EntryType.OPENING_BALANCE, tender, null, SHARE, null, "1.00"), withDrawer).code());
        }
    }

    @Nested
    class MalformedRequests {
        @ParameterizedTest
        @EnumSource(value = EntryType.class, names = {"REVERSAL", "VAULT_BUY", "VAULT_SELL", "CASH_OVER_SHORT", "TELLER_TRANSFER", "EARLY_WITHDRAWAL_PENALTY"})
        void entry_types_that_are_not_posting_requests(EntryType type) {
            PostingRefused refused = refusal(request(type, Tender.CASH, SHARE, null, null, null), withDrawer);
            assertEquals("TYPE_NOT_ALLOWED", refused.code());
            assertEquals(Refusal.Kind.INVALID, refused.kind());
        }

        @Test
        void a_missing_type_or_amount() {
            assertEquals("type", refusal(request(null, Tender.CASH, null, SHARE, null, "1.00"), withDrawer).details().get("field"));
            assertEquals("amount", refusal(request(EntryType.DEPOSIT, Tender.CASH, null, SHARE, null, null), withDrawer).details().get("field"));
        }

        @ParameterizedTest
        @CsvSource({"0.00", "-1.00"})
        void an_amount_that_is_not_positive(String amount) {
            PostingRefused refused = refusal(request(EntryType.DEPOSIT, Tender.CASH, null, SHARE, null, amount), withDrawer);
            assertEquals("AMOUNT_NOT_POSITIVE", refused.code());
            assertEquals(Refusal.Kind.INVALID, refused.kind());
        }

        @Test
        void fields_the_type_does_not_use_are_refused_not_ignored() {
            assertEquals("fromAccount", notAllowed(request(EntryType.DEPOSIT, Tender.CASH, DRAFT, SHARE, null, "1.00")));
            assertEquals("loanAccount", notAllowed(request(EntryType.TRANSFER, null, DRAFT, SHARE, LOAN, "1.00")));
            assertEquals("toAccount", notAllowed(request(EntryType.WITHDRAWAL, Tender.CASH, DRAFT, SHARE, null, "1.00")));
            assertEquals("instrument", notAllowed(new PostingRequest(EntryType.WITHDRAWAL, Tender.OFFICIAL_CHECK, SHARE,
                    null, null, m("1.00"), Instrument.MONEY_ORDER, null, false, null)));
            assertEquals("fee", notAllowed(new PostingRequest(EntryType.DEPOSIT, Tender.CASH, null,
                    SHARE, null, m("1.00"), null, m("5.00"), false, null)));
            assertEquals("feeWaived", notAllowed(new PostingRequest(EntryType.TRANSFER, null, DRAFT,
                    SHARE, null, m("1.00"), null, null, true, null)));
            assertEquals("toAccount", notAllowed(new PostingRequest(EntryType.OFFICIAL_CHECK, Tender.ACCOUNT, DRAFT,
                    SHARE, null, m("1.00"), Instrument.MONEY_ORDER, null, false, null)));
        }

        private String notAllowed(PostingRequest request) {
            PostingRefused refused = refusal(request, withDrawer);
            assertEquals("FIELD_NOT_ALLOWED", refused.code());
            assertEquals(Refusal.Kind.INVALID, refused.kind());
            return (String) refused.details().get("field");
        }

        @Test
        void a_drawer_code_that_is_not_drawer_cash_is_a_caller_bug() {
            assertThrows(IllegalArgumentException.class, () -> planner.plan(
                    request(EntryType.DEPOSIT, Tender.CASH, null, SHARE, null, "1.00"), PlanningContext.drawer("1000")));
        }
    }

    @Test
    void fee_schedule_defaults() {
        assertEquals(m("5.00"), FeeSchedule.standard().feeFor(Instrument.MONEY_ORDER));
        assertEquals(m("10.00"), FeeSchedule.standard().feeFor(Instrument.CASHIERS_CHECK));
        assertThrows(IllegalArgumentException.class, () -> new FeeSchedule(m("-1.00"), m("1.00")));
    }

    @Nested
    class Forms {

        @Test
        void only_the_types_a_client_posts_have_a_form() {
            assertEquals(List.of(EntryType.DEPOSIT, EntryType.WITHDRAWAL, EntryType.TRANSFER, EntryType.LOAN_PAYMENT,
                    EntryType.OFFICIAL_CHECK), PostingPlanner.forms().stream().map(PostingForm::type).toList());
        }

        @Test
        void a_tender_outside_a_form_is_refused_by_the_planner() {
            for (PostingForm form : PostingPlanner.forms()) {
                for (Tender tender : Tender.values()) {
                    if (form.tenders().contains(tender)) {
                        continue;
                    }
                    PostingRequest request = new PostingRequest(form.type(), tender, SHARE, DRAFT, LOAN, m("10.00"),
                            Instrument.MONEY_ORDER, null, false, null);
                    assertEquals(PostingPlanner.TENDER_NOT_ALLOWED, refusal(request, withDrawer).code(), form + " " + tender);
                }
            }
        }

        @Test
        void an_account_field_outside_a_form_is_refused_by_the_planner() {
            for (PostingForm form : PostingPlanner.forms()) {
                Tender tender = form.tenders().get(0);
                List<String> needed = form.fieldsFor(tender);
                for (String field : List.of("fromAccount", "toAccount", "loanAccount")) {
                    if (needed.contains(field)) {
                        continue;
                    }
                    PostingRequest request = new PostingRequest(form.type(), tender,
                            needed.contains("fromAccount") || field.equals("fromAccount") ? SHARE : null,
                            needed.contains("toAccount") || field.equals("toAccount") ? DRAFT : null,
                            needed.contains("loanAccount") || field.equals("loanAccount") ? LOAN : null,
                            m("10.00"), needed.contains("instrument") ? Instrument.MONEY_ORDER : null, null, false, null);
                    PostingRefused refused = refusal(request, withDrawer);
                    assertEquals(PostingPlanner.FIELD_NOT_ALLOWED, refused.code(), form + " " + field);
                    assertEquals(field, refused.details().get("field"));
                }
            }
        }
    }
}
