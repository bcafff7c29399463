package coop.tally.ledger;

import coop.tally.money.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static coop.tally.ledger.LineDraft.credit;
import static coop.tally.ledger.LineDraft.debit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntryViewTest {

    private static final AccountRef OWN_SHARE = AccountRef.member("100001-S00");
    private static final AccountRef OWN_DRAFT = AccountRef.member("100001-S10");
    private static final AccountRef OTHER_SHARE = AccountRef.member("100002-S00");
    private static final AccountRef THIRD_SHARE = AccountRef.member("100003-S00");
    private static final AccountRef THIRD_LOAN = AccountRef.member("100003-L01");
    private static final AccountRef EQUITY = AccountRef.gl(GlAccounts.OPENING_BALANCE_EQUITY);

    private static final Viewer MEMBER_100001 = Viewer.servingMember("100001", List.of("100001-S00", "100001-S10"));

    private static List<String> shown(List<LineDraft> lines, Viewer viewer) {
        return EntryView.lines(CanonicalLine.numbered(lines), viewer).stream()
                .map(line -> line.lineNumber() + " " + line.account().id() + " " + line.side() + " " + line.amount()
                        + (line.masked() ? " masked" : ""))
                .toList();
    }

    @Test
    void whole_entries_are_shown_as_they_are() {
        List<LineDraft> transfer = List.of(debit(OWN_SHARE, Money.of("500.00")), credit(OTHER_SHARE, Money.of("500.00")));
        assertEquals(List.of("1 100001-S00 DEBIT 500.00", "2 100002-S00 CREDIT 500.00"), shown(transfer, Viewer.wholeEntries()));
    }

    @Test
    void a_transfer_to_another_member_shows_the_money_leaving_but_not_the_account_it_went_to() {
        List<LineDraft> transfer = List.of(debit(OWN_SHARE, Money.of("500.00")), credit(OTHER_SHARE, Money.of("500.00")));
        assertEquals(List.of("1 100001-S00 DEBIT 500.00", "2 OTHER_MEMBER CREDIT 500.00 masked"), shown(transfer, MEMBER_100001));
        Viewer receiver = Viewer.servingMember("100002", List.of("100002-S00"));
        assertEquals(List.of("1 OTHER_MEMBER DEBIT 500.00 masked", "2 100002-S00 CREDIT 500.00"), shown(transfer, receiver));
    }

    @Test
    void other_members_lines_fold_into_one_line_per_side_and_the_entry_still_balances() {
        // an entry converted before opening balances were one per member: several members in one
        List<LineDraft> converted = List.of(credit(OWN_SHARE, Money.of("100.00")), credit(OTHER_SHARE, Money.of("250.00")),
                debit(THIRD_LOAN, Money.of("900.00")), credit(OWN_DRAFT, Money.of("20.00")), credit(THIRD_SHARE, Money.of("30.00")),
                credit(EQUITY, Money.of("500.00")));
        List<EntryView.VisibleLine> lines = EntryView.lines(CanonicalLine.numbered(converted), MEMBER_100001);
        assertEquals(List.of("1 100001-S00 CREDIT 100.00", "2 OTHER_MEMBER CREDIT 280.00 masked",
                "3 OTHER_MEMBER DEBIT 900.00 masked", "4 100001-S10 CREDIT 20.00", "6 3900 CREDIT 500.00"), shown(converted, MEMBER_100001));
        Money debits = lines.stream().filter(l -> l.side() == Side.DEBIT).map(EntryView.VisibleLine::amount).reduce(Money.ZERO, Money::plus);
        Money credits = lines.stream().filter(l -> l.side() == Side.CREDIT).map(EntryView.VisibleLine::amount).reduce(Money.ZERO, Money::plus);
        assertEquals(Money.of("900.00"), debits);
        assertEquals(debits, credits);
        assertTrue(EntryView.isMasked(lines));
    }

    @Test
    void a_rep_with_no_member_in_view_sees_the_gl_lines_only() {
        List<LineDraft> deposit = List.of(debit(AccountRef.gl("1010-D3"), Money.of("40.00")), credit(OWN_SHARE, Money.of("40.00")));
        assertEquals(List.of("1 1010-D3 DEBIT 40.00", "2 OTHER_MEMBER CREDIT 40.00 masked"), shown(deposit, Viewer.noMember()));
    }

    @Test
    void the_members_own_entry_is_not_marked() {
        List<LineDraft> own = List.of(debit(OWN_SHARE, Money.of("5.00")), credit(OWN_DRAFT, Money.of("5.00")));
        assertFalse(EntryView.isMasked(EntryView.lines(CanonicalLine.numbered(own), MEMBER_100001)));
    }
}
