package coop.tally.ledger;

import coop.tally.money.Money;
import coop.tally.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's invariants, recomputed from the journal lines: every entry has two or more lines
 * and balances; every member account's stored ledger balance equals the sum of its lines; its
 * available balance equals the ledger balance less its active holds; no cash account (the vault,
 * GL 1000, nor any drawer's 1010-D&lt;id&gt;) holds less than nothing. Used by tests after every
 * scenario and by auditors. (A loan has no holds, so its available balance is its principal owed.)
 */
@ApplicationScoped
public class LedgerInvariants {

    /** Entries whose debits and credits differ, or that have fewer than two lines. */
    private static final String UNBALANCED_ENTRIES = """
            SELECT e.id,
                   COALESCE(SUM(CASE WHEN l.side = 'D' THEN l.amount ELSE 0 END), 0) AS debits,
                   COALESCE(SUM(CASE WHEN l.side = 'C' THEN l.amount ELSE 0 END), 0) AS credits,
                   COUNT(l.line_no) AS line_count
              FROM journal_entry e LEFT JOIN journal_line l ON l.entry_id = e.id
             GROUP BY e.id
            HAVING COALESCE(SUM(CASE WHEN l.side = 'D' THEN l.amount ELSE 0 END), 0)
                   <> COALESCE(SUM(CASE WHEN l.side = 'C' THEN l.amount ELSE 0 END), 0)
                OR COUNT(l.line_no) < 2
            """;

    /** Member accounts whose stored balance differs from their lines (loans are debit-normal). */
    private static final String BALANCE_MISMATCHES = """
            SELECT a.account_number, a.ledger_balance, a.available_balance, a.account_type,
                   COALESCE(l.net_credits, 0), COALESCE(h.held, 0)
              FROM member_account a
              LEFT JOIN (SELECT member_account_id, SUM(CASE WHEN side = 'C' THEN amount ELSE -amount END) AS net_credits
                           FROM journal_line WHERE member_account_id IS NOT NULL
                          GROUP BY member_account_id) l ON l.member_account_id = a.id
              LEFT JOIN (SELECT member_account_id, SUM(amount) AS held
                           FROM account_hold WHERE released_at IS NULL
                          GROUP BY member_account_id) h ON h.member_account_id = a.id
            """;

    /** Cash accounts (the vault and every drawer) that hold less than nothing: cash handed out that was never there. */
    private static final String NEGATIVE_CASH = "SELECT gl_code, SUM(CASE WHEN side = 'D' THEN amount ELSE -amount END)"
            + " FROM journal_line WHERE gl_code = '" + GlAccounts.VAULT_CASH + "' OR gl_code LIKE '" + GlAccounts.TELLER_CASH_PREFIX + "%'"
            + " GROUP BY gl_code HAVING SUM(CASE WHEN side = 'D' THEN amount ELSE -amount END) < 0";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    public record UnbalancedEntry(long entryId, Money debits, Money credits, long lines) {
    }

    public record BalanceMismatch(String accountNumber, Money storedLedger, Money fromLines,
                                  Money storedAvailable, Money expectedAvailable) {
    }

    /** A cash GL account's balance (debits − credits) below zero. */
    public record NegativeCash(String glCode, Money balance) {
    }

    public record Report(long entriesChecked, long accountsChecked, List<UnbalancedEntry> unbalancedEntries,
                         List<BalanceMismatch> balanceMismatches, List<NegativeCash> negativeCash) {

        /** A report of the member accounts only (a replay's), which says nothing of cash. */
        public Report(long entriesChecked, long accountsChecked, List<UnbalancedEntry> unbalancedEntries,
                      List<BalanceMismatch> balanceMismatches) {
            this(entriesChecked, accountsChecked, unbalancedEntries, balanceMismatches, List.of());
        }

        public boolean ok() {
            return unbalancedEntries.isEmpty() && balanceMismatches.isEmpty() && negativeCash.isEmpty();
        }
    }

    public Report check() {
        try (Connection connection = dataSource.getConnection()) {
            List<UnbalancedEntry> unbalanced = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(UNBALANCED_ENTRIES);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    unbalanced.add(new UnbalancedEntry(rows.getLong(1), Money.of(rows.getBigDecimal(2)),
                            Money.of(rows.getBigDecimal(3)), rows.getLong(4)));
                }
            }
            List<BalanceMismatch> mismatches = new ArrayList<>();
            long accounts = 0;
            try (PreparedStatement query = connection.prepareStatement(BALANCE_MISMATCHES);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    accounts++;
                    Money storedLedger = Money.of(rows.getBigDecimal(2));
                    Money storedAvailable = Money.of(rows.getBigDecimal(3));
                    Money netCredits = Money.of(rows.getBigDecimal(5));
                    Money fromLines = "LOAN".equals(rows.getString(4)) ? netCredits.negate() : netCredits;
                    Money expectedAvailable = fromLines.minus(Money.of(rows.getBigDecimal(6)));
                    if (!storedLedger.equals(fromLines) || !storedAvailable.equals(expectedAvailable)) {
                        mismatches.add(new BalanceMismatch(rows.getString(1), storedLedger, fromLines,
                                storedAvailable, expectedAvailable));
                    }
                }
            }
            List<NegativeCash> negativeCash = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(NEGATIVE_CASH);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    negativeCash.add(new NegativeCash(rows.getString(1), Money.of(rows.getBigDecimal(2))));
                }
            }
            long entries;
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM journal_entry");
                 ResultSet rows = query.executeQuery()) {
                rows.next();
                entries = rows.getLong(1);
            }
            return new Report(entries, accounts, unbalanced, mismatches, negativeCash);
        } catch (SQLException e) {
            throw new IllegalStateException("Ledger invariant check failed to run", e);
        }
    }
}
