package coop.tally.ledger;

import coop.tally.member.AccountType;
import coop.tally.member.SeededAccount;
import coop.tally.money.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converted opening balances as journal entries: one entry per member, crediting the member's
 * deposit accounts and debiting their loans, balanced against GL 3900 (opening balance
 * conversion). Never several members in one entry: an entry is the unit staff read, and a rep
 * serving one member must not be handed the balances of others with it.
 */
final class OpeningEntries {

    /** One line: a member account (with its row id) or a GL account (memberAccountId null). */
    record Line(AccountRef account, Long memberAccountId, Side side, Money amount) {
    }

    /** The lines of one opening entry, balanced. */
    record Entry(List<Line> lines) {

        Entry {
            lines = List.copyOf(lines);
        }
    }

    private OpeningEntries() {
    }

    /** One entry per member with a funded account, in the order the members come; unfunded accounts get no line. */
    static List<Entry> perMember(List<SeededAccount> accounts) {
        Map<Long, List<SeededAccount>> byMember = new LinkedHashMap<>();
        for (SeededAccount account : accounts) {
            if (account.openingBalance().isPositive()) {
                byMember.computeIfAbsent(account.memberId(), id -> new ArrayList<>()).add(account);
            }
        }
        List<Entry> entries = new ArrayList<>(byMember.size());
        byMember.values().forEach(funded -> entries.add(memberEntry(funded)));
        return entries;
    }

    /** The vault's cash as converted: vault debit against the conversion equity. */
    static Entry vaultCash(Money cash) {
        return new Entry(List.of(
                new Line(AccountRef.gl(GlAccounts.VAULT_CASH), null, Side.DEBIT, cash),
                new Line(AccountRef.gl(GlAccounts.OPENING_BALANCE_EQUITY), null, Side.CREDIT, cash)));
    }

    private static Entry memberEntry(List<SeededAccount> funded) {
        List<Line> lines = new ArrayList<>(funded.size() + 1);
        Money net = Money.ZERO;
        for (SeededAccount account : funded) {
            boolean loan = account.type() == AccountType.LOAN;
            lines.add(new Line(AccountRef.member(account.accountNumber()), account.accountId(),
                    loan ? Side.DEBIT : Side.CREDIT, account.openingBalance()));
            net = loan ? net.minus(account.openingBalance()) : net.plus(account.openingBalance());
        }
        if (!net.isZero()) {
            lines.add(new Line(AccountRef.gl(GlAccounts.OPENING_BALANCE_EQUITY), null,
                    net.isPositive() ? Side.DEBIT : Side.CREDIT, net.isPositive() ? net : net.negate()));
        }
        return new Entry(lines);
    }
}
