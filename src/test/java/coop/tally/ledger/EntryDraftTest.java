package coop.tally.ledger;

import coop.tally.platform.Refusal;
import coop.tally.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static coop.tally.ledger.LineDraft.credit;
import static coop.tally.ledger.LineDraft.debit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EntryDraftTest {

    private static final AccountRef DRAWER = AccountRef.gl("1010-rep1");
    private static final AccountRef SHARE = AccountRef.member("100001-S00");
    private static final AccountRef DRAFT = AccountRef.member("100001-D01");
    private static final AccountRef FEES = AccountRef.gl("4100");

    @Test
    void accepts_a_balanced_two_line_entry() {
        EntryDraft entry = EntryDraft.of(EntryType.DEPOSIT,
                debit(DRAWER, Money.of("100.00")), credit(SHARE, Money.of("100.00")));
        assertEquals(Money.of("100.00"), entry.totalDebits());
        assertEquals(Money.of("100.00"), entry.totalCredits());
        assertEquals(2, entry.lines().size());
    }

    @Test
    void accepts_a_balanced_entry_with_several_lines_on_one_side() {
        EntryDraft entry = EntryDraft.of(EntryType.OFFICIAL_CHECK,
                debit(SHARE, Money.of("510.00")),
                credit(AccountRef.gl("2100"), Money.of("500.00")),
                credit(FEES, Money.of("10.00")));
        assertEquals(Money.of("510.00"), entry.totalCredits());
    }

    @Test
    void refuses_an_unbalanced_entry_by_a_single_cent() {
        InvalidEntryException refused = assertThrows(InvalidEntryException.class, () -> EntryDraft.of(EntryType.DEPOSIT,
                debit(DRAWER, Money.of("100.00")), credit(SHARE, Money.of("99.99"))));
        assertEquals("ENTRY_UNBALANCED", refused.code());
        assertEquals(Refusal.Kind.RULES, refused.kind());
        assertEquals("100.00", refused.details().get("debits"));
        assertEquals("99.99", refused.details().get("credits"));
    }

    @Test
    void refuses_an_entry_with_only_debits_or_only_credits() {
        assertEquals("ENTRY_UNBALANCED", assertThrows(InvalidEntryException.class, () -> EntryDraft.of(EntryType.DEPOSIT,
                debit(DRAWER, Money.of("1.00")), debit(SHARE, Money.of("1.00")))).code());
        assertEquals("ENTRY_UNBALANCED", assertThrows(InvalidEntryException.class, () -> EntryDraft.of(EntryType.DEPOSIT,
                credit(DRAWER, Money.of("1.00")), credit(SHARE, Money.of("1.00")))).code());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void refuses_fewer_than_two_lines(int count) {
        List<LineDraft> lines = List.of(debit(DRAWER, Money.of("1.00"))).subList(0, count);
        InvalidEntryException refused = assertThrows(InvalidEntryException.class,
                () -> new EntryDraft(EntryType.DEPOSIT, lines));
        assertEquals("ENTRY_TOO_FEW_LINES", refused.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.00", "-5.00"})
    void refuses_a_line_that_is_not_positive_even_when_balanced(String amount) {
        InvalidEntryException refused = assertThrows(InvalidEntryException.class, () -> EntryDraft.of(EntryType.DEPOSIT,
                debit(DRAWER, Money.of("5.00")), credit(SHARE, Money.of("5.00")),
                debit(DRAFT, Money.of(amount)), credit(FEES, Money.of(amount))));
        assertEquals("LINE_AMOUNT_NOT_POSITIVE", refused.code());
        assertEquals(3, refused.details().get("lineNumber"));
    }

    @Test
    void a_draft_cannot_be_changed_through_the_list_it_was_built_from() {
        java.util.ArrayList<LineDraft> lines = new java.util.ArrayList<>(List.of(
                debit(DRAWER, Money.of("1.00")), credit(SHARE, Money.of("1.00"))));
        EntryDraft entry = new EntryDraft(EntryType.DEPOSIT, lines);
        lines.add(debit(DRAFT, Money.of("50.00")));
        assertEquals(2, entry.lines().size());
        assertThrows(UnsupportedOperationException.class, () -> entry.lines().add(lines.get(0)));
    }

    @Test
    void reversal_swaps_every_side_and_keeps_accounts_amounts_and_order() {
        List<LineDraft> original = List.of(
                debit(SHARE, Money.of("510.00")),
                credit(AccountRef.gl("2100"), Money.of("500.00")),
                credit(FEES, Money.of("10.00")));

        EntryDraft reversal = EntryDraft.reversalOf(original);

        assertEquals(EntryType.REVERSAL, reversal.type());
        assertEquals(List.of(
                credit(SHARE, Money.of("510.00")),
                debit(AccountRef.gl("2100"), Money.of("500.00")),
                debit(FEES, Money.of("10.00"))), reversal.lines());
    }

    @Test
    void reversing_a_reversal_gives_back_the_original_lines() {
        List<LineDraft> original = List.of(debit(DRAWER, Money.of("20.00")), credit(SHARE, Money.of("20.00")));
        assertEquals(original, EntryDraft.contraLines(EntryDraft.contraLines(original)));
    }

    @Test
    void account_refs_are_exact_and_non_blank() {
        assertEquals(AccountRef.Kind.MEMBER, SHARE.kind());
        assertEquals("1010-rep1", DRAWER.id());
        assertThrows(IllegalArgumentException.class, () -> AccountRef.member(" "));
        assertThrows(IllegalArgumentException.class, () -> AccountRef.gl(" 1000"));
        assertThrows(NullPointerException.class, () -> AccountRef.gl(null));
    }

    @Test
    void gl_chart_names_drawer_cash_per_drawer() {
        assertEquals("1010-D12", GlAccounts.drawerCash(12));
        assertEquals(true, GlAccounts.isTellerCash(GlAccounts.drawerCash(12)));
        assertEquals(false, GlAccounts.isTellerCash("1000"));
        assertEquals(false, GlAccounts.isTellerCash("1010-"));
        assertThrows(IllegalArgumentException.class, () -> GlAccounts.drawerCash(0));
    }
}
