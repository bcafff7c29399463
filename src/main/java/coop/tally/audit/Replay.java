package coop.tally.audit;

import coop.tally.ledger.LedgerInvariants;
import coop.tally.money.Money;
import coop.tally.platform.ConcurrencyConflicts;
import coop.tally.platform.RaceRetry;
import coop.tally.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Balances recomputed from the journal lines. Member accounts are compared with their stored
 * (materialized) balances by {@link LedgerInvariants}; GL balances are never stored (a hot row
 * would serialize postings), so replay reports them, with the trial balance of all lines.
 *
 * <p>Every sum comes from one sequential JDBC pass over journal_line ({@link LineTotals}): Derby's
 * aggregates needed four passes, a join and a grouping of every entry. The checks are those of
 * {@link LedgerInvariants}, which remains the fallback when entry ids are too sparse for flat arrays.
 */
@ApplicationScoped
public class Replay {

    private static final String GL_BALANCES = """
            SELECT l.gl_code, g.normal_side,
                   SUM(CASE WHEN l.side = 'D' THEN l.amount ELSE 0 END),
                   SUM(CASE WHEN l.side = 'C' THEN l.amount ELSE 0 END)
              FROM journal_line l LEFT JOIN gl_account g ON g.code = l.gl_code
             WHERE l.account_kind = 'G'
             GROUP BY l.gl_code, g.normal_side
             ORDER BY l.gl_code""";

    private static final String TOTALS = """
            SELECT COALESCE(SUM(CASE WHEN side = 'D' THEN amount ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN side = 'C' THEN amount ELSE 0 END), 0)
              FROM journal_line""";

    private static final String MEMBER_AS_OF = """
            SELECT a.account_type,
                   (SELECT COALESCE(SUM(CASE WHEN l.side = 'C' THEN l.amount ELSE -l.amount END), 0)
                      FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
                     WHERE l.member_account_id = a.id AND e.posted_at <= ?)
              FROM member_account a
             WHERE a.account_number = ?""";

    private static final String GL_AS_OF = """
            SELECT g.normal_side,
                   (SELECT COALESCE(SUM(CASE WHEN l.side = 'D' THEN l.amount ELSE -l.amount END), 0)
                      FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
                     WHERE l.gl_code = g.code AND e.posted_at <= ?)
              FROM gl_account g
             WHERE g.code = ?""";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    LedgerInvariants invariants;

    /** A GL account's balance on its normal side (a debit-normal asset is positive when debits exceed credits). */
    public record GlBalance(String code, String normalSide, Money debits, Money credits, Money balance) {
    }

    public record Report(LedgerInvariants.Report members, List<GlBalance> glBalances, Money totalDebits,
                         Money totalCredits) {
        public boolean ok() {
            return members.ok() && totalDebits.equals(totalCredits);
        }
    }

    public record AsOf(String account, String kind, Instant at, Money balance) {
    }

    /**
     * Replay reads at READ COMMITTED while postings go on, and Derby may choose it to break a
     * deadlock with one of them; it only reads, so it runs again ({@link RaceRetry}).
     */
    public Report replay() throws SQLException {
        return RaceRetry.run(this::replayOnce, ConcurrencyConflicts::isConflict);
    }

    private Report replayOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            LineTotals totals = LineTotals.read(connection);
            if (totals != null) {
                Map<String, String> sides = normalSides(connection);
                List<GlBalance> gl = new ArrayList<>();
                totals.gl.forEach((code, sums) -> gl.add(glBalance(code, sides.get(code),
                        Money.ofCents(sums[0]), Money.ofCents(sums[1]))));
                return new Report(new LedgerInvariants.Report(totals.entries, totals.accounts, totals.unbalanced,
                        totals.mismatches), gl, Money.ofCents(totals.totalDebits), Money.ofCents(totals.totalCredits));
            }
        }
        return replayInTheDatabase();
    }

    /** The chart's normal sides, read per replay (drawer accounts are added as staff join). */
    private static Map<String, String> normalSides(Connection connection) throws SQLException {
        Map<String, String> sides = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT code, normal_side FROM gl_account");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sides.put(rows.getString(1), rows.getString(2));
            }
        }
        return sides;
    }

    private static GlBalance glBalance(String code, String normalSide, Money debits, Money credits) {
        String side = normalSide == null ? "D" : normalSide;
        return new GlBalance(code, side, debits, credits, "C".equals(side) ? credits.minus(debits) : debits.minus(credits));
    }

    /** The same report from SQL aggregates: slower, independent of how the entry ids are spread. */
    private Report replayInTheDatabase() throws SQLException {
        LedgerInvariants.Report members = invariants.check();
        try (Connection connection = dataSource.getConnection()) {
            List<GlBalance> gl = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(GL_BALANCES);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    gl.add(glBalance(rows.getString(1), rows.getString(2), Money.of(rows.getBigDecimal(3)),
                            Money.of(rows.getBigDecimal(4))));
                }
            }
            try (PreparedStatement query = connection.prepareStatement(TOTALS);
                 ResultSet rows = query.executeQuery()) {
                rows.next();
                return new Report(members, gl, Money.of(rows.getBigDecimal(1)), Money.of(rows.getBigDecimal(2)));
            }
        }
    }

    /** One member account (by number) or GL account (by code), from the lines of entries posted at or before {@code at}. */
    public Optional<AsOf> balanceAsOf(String account, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<Money> member = sum(connection, MEMBER_AS_OF, "LOAN", account, at);
            if (member.isPresent()) {
                return member.map(balance -> new AsOf(account, "MEMBER", at, balance));
            }
            return sum(connection, GL_AS_OF, "C", account, at).map(balance -> new AsOf(account, "GL", at, balance));
        }
    }

    /**
     * Runs a balance query whose first column says which way the account's balance runs and whose
     * second is the net sum; the sum is negated when the first column equals {@code negateWhen}
     * (a loan is owed to the credit union; a credit-normal GL account grows with credits).
     */
    private static Optional<Money> sum(Connection connection, String sql, String negateWhen, String account, Instant at)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setTimestamp(1, Timestamp.from(at));
            query.setString(2, account);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Money sum = Money.of(rows.getBigDecimal(2));
                return Optional.of(negateWhen.equals(rows.getString(1)) ? sum.negate() : sum);
            }
        }
    }
}
