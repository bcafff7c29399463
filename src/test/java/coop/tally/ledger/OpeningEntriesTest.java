package coop.tally.ledger;

import coop.tally.member.AccountStatus;
import coop.tally.member.AccountType;
import coop.tally.member.SeededAccount;
import coop.tally.money.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpeningEntriesTest {

    private static SeededAccount account(long member, long id, String number, AccountType type, String balance) {
        return new SeededAccount(member, id, number, type, AccountStatus.ACTIVE, Money.of(balance));
    }

    private static List<String> lines(OpeningEntries.Entry entry) {
        return entry.lines().stream().map(line -> line.account().id() + " " + line.side() + " " + line.amount()).toList();
    }

    @Test
    void each_member_gets_one_entry_of_their_own_balanced_against_conversion_equity() {
        List<OpeningEntries.Entry> entries = OpeningEntries.perMember(List.of(
                account(1, 11, "100001-S00", AccountType.SHARE, "25.00"),
                account(1, 12, "100001-S10", AccountType.SHARE_DRAFT, "1200.50"),
                account(1, 13, "100001-L01", AccountType.LOAN, "9000.00"),
                account(2, 21, "100002-S00", AccountType.SHARE, "5.00"),
                account(2, 22, "100002-S10", AccountType.SHARE_DRAFT, "0.00"),
                account(3, 31, "100003-S00", AccountType.SHARE, "0.00")));
        assertEquals(2, entries.size(), "a member with nothing funded gets no entry");
        assertEquals(List.of("100001-S00 CREDIT 25.00", "100001-S10 CREDIT 1200.50", "100001-L01 DEBIT 9000.00",
                "3900 CREDIT 7774.50"), lines(entries.get(0)));
        assertEquals(List.of("100002-S00 CREDIT 5.00", "3900 DEBIT 5.00"), lines(entries.get(1)));
        assertEquals(13L, entries.get(0).lines().get(2).memberAccountId());
    }

    @Test
    void deposits_that_equal_the_loans_need_no_equity_line() {
        List<OpeningEntries.Entry> entries = OpeningEntries.perMember(List.of(
                account(1, 11, "100001-S00", AccountType.SHARE, "300.00"),
                account(1, 13, "100001-L01", AccountType.LOAN, "300.00")));
        assertEquals(List.of("100001-S00 CREDIT 300.00", "100001-L01 DEBIT 300.00"), lines(entries.get(0)));
    }

    @Test
    void the_vaults_cash_is_an_entry_of_no_member() {
        assertEquals(List.of("1000 DEBIT 250000.00", "3900 CREDIT 250000.00"), lines(OpeningEntries.vaultCash(Money.of("250000.00"))));
    }
}
