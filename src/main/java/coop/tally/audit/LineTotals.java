package coop.tally.audit;

import coop.tally.ledger.LedgerInvariants;
import coop.tally.money.Money;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every total replay needs, from one sequential pass over journal_line in plain JDBC: per entry its
 * debits, credits and line count (an entry must balance and have two lines or more), per member
 * account its net credits, per GL account its debits and credits, and the trial balance. The same
 * checks as {@link LedgerInvariants} and the GL sums, which as SQL aggregates cost Derby four passes
 * over the lines, a join and a grouping of every entry.
 *
 * <p>Entry totals are kept in flat arrays indexed by id − smallest id (about 21 bytes an entry), so
 * the ids must be dense enough: {@link #read} returns null when they are not, and the caller falls
 * back to the SQL aggregates. Sums are in cents, with overflow refused as {@link Money} refuses it.
 */
final class LineTotals {

    /** Largest id range per entry (identity ids have gaps after rollbacks, never this many). */
    private static final long MAX_SPREAD = 4;
    private static final int FETCH = 1_000;

    long entries;
    final List<LedgerInvariants.UnbalancedEntry> unbalanced = new ArrayList<>();
    final List<LedgerInvariants.BalanceMismatch> mismatches = new ArrayList<>();
    long accounts;
    /** GL code → {debits, credits} in cents, ordered by code. */
    final Map<String, long[]> gl = new TreeMap<>();
    long totalDebits;
    long totalCredits;

    private LineTotals() {
    }

    /** The totals, or null when the entry ids are too sparse for flat arrays. */
    static LineTotals read(Connection connection) throws SQLException {
        // one scan of the ids gives their count and range: MIN and MAX together, and COUNT(*), were
        // a full scan each on Derby
        long[] ids = new long[1024];
        int count = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM journal_entry")) {
            query.setFetchSize(FETCH);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (count == ids.length) {
                        if (count > Integer.MAX_VALUE / 2 - 8) {
                            return null;
                        }
                        ids = Arrays.copyOf(ids, count * 2);
                    }
                    ids[count++] = id;
                    min = Math.min(min, id);
                    max = Math.max(max, id);
                }
            }
        }
        LineTotals totals = new LineTotals();
        long span = count == 0 ? 0 : max - min + 1;
        if (count == 0) {
            min = 0;
        }
        if (span > MAX_SPREAD * count + 1_000_000 || span > Integer.MAX_VALUE - 8) {
            return null;
        }
        int size = (int) span;
        boolean[] exists = new boolean[size];
        for (int i = 0; i < count; i++) {
            exists[(int) (ids[i] - min)] = true;
        }
        totals.entries = count;
        ids = null; // the flags hold them now; let the array go before the lines are read
        long[] debits = new long[size];
        long[] credits = new long[size];
        int[] lines = new int[size];
        Map<Long, long[]> memberNet = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT entry_id, account_kind, member_account_id, gl_code, side, amount FROM journal_line")) {
            query.setFetchSize(FETCH);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long entryId = rows.getLong(1);
                    boolean debit = "D".equals(rows.getString(5));
                    long cents = cents(rows.getBigDecimal(6));
                    long offset = entryId - min;
                    if (offset >= 0 && offset < size && exists[(int) offset]) {
                        int at = (int) offset;
                        lines[at]++;
                        if (debit) {
                            debits[at] = Math.addExact(debits[at], cents);
                        } else {
                            credits[at] = Math.addExact(credits[at], cents);
                        }
                    }
                    long memberAccount = rows.getLong(3);
                    if (!rows.wasNull()) {
                        long[] net = memberNet.computeIfAbsent(memberAccount, id -> new long[1]);
                        net[0] = Math.addExact(net[0], debit ? -cents : cents);
                    }
                    if ("G".equals(rows.getString(2))) {
                        long[] sums = totals.gl.computeIfAbsent(rows.getString(4), code -> new long[2]);
                        sums[debit ? 0 : 1] = Math.addExact(sums[debit ? 0 : 1], cents);
                    }
                    if (debit) {
                        totals.totalDebits = Math.addExact(totals.totalDebits, cents);
                    } else {
                        totals.totalCredits = Math.addExact(totals.totalCredits, cents);
                    }
                }
            }
        }
        for (int at = 0; at < size; at++) {
            if (exists[at] && (debits[at] != credits[at] || lines[at] < 2)) {
                totals.unbalanced.add(new LedgerInvariants.UnbalancedEntry(min + at, Money.ofCents(debits[at]),
                        Money.ofCents(credits[at]), lines[at]));
            }
        }
        totals.compareAccounts(connection, memberNet);
        return totals;
    }

    /**
     * Stored balances against the lines: ledger = net credits (owed principal for a loan), available =
     * ledger − active holds. An account that differs is read again by itself, consistently
     * ({@link #recheck}): postings go on while replay reads, and one committed between the pass over
     * the lines and the read of the balances moves a balance the pass did not see move.
     */
    private void compareAccounts(Connection connection, Map<Long, long[]> memberNet) throws SQLException {
        Map<Long, Long> held = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT member_account_id, SUM(amount)"
                + " FROM account_hold WHERE released_at IS NULL GROUP BY member_account_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                held.put(rows.getLong(1), cents(rows.getBigDecimal(2)));
            }
        }
        List<Long> differing = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, account_number, ledger_balance, available_balance, account_type FROM member_account")) {
            query.setFetchSize(FETCH);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    accounts++;
                    long id = rows.getLong(1);
                    long[] net = memberNet.get(id);
                    LedgerInvariants.BalanceMismatch mismatch = mismatch(rows.getString(2), rows.getString(5),
                            Money.of(rows.getBigDecimal(3)), Money.of(rows.getBigDecimal(4)), net == null ? 0 : net[0],
                            held.getOrDefault(id, 0L));
                    if (mismatch != null) {
                        differing.add(id);
                        mismatches.add(mismatch);
                    }
                }
            }
        }
        if (!differing.isEmpty()) {
            List<LedgerInvariants.BalanceMismatch> confirmed = new ArrayList<>();
            for (int i = 0; i < differing.size(); i++) {
                LedgerInvariants.BalanceMismatch again = i < MAX_RECHECKS ? recheck(connection, differing.get(i)) : mismatches.get(i);
                if (again != null) {
                    confirmed.add(again);
                }
            }
            mismatches.clear();
            mismatches.addAll(confirmed);
        }
    }

    /** Accounts that differed in the pass read again by themselves, at most. */
    private static final int MAX_RECHECKS = 1_000;

    /**
     * One account's balances against its lines and holds, read in one transaction that keeps the
     * account row read (repeatable read): a posting locks its accounts before it writes lines, so none
     * can add to this account's lines or move its balance until the three reads are done; on
     * PostgreSQL the transaction reads one snapshot. Null when they agree, or the account is gone.
     */
    private static LedgerInvariants.BalanceMismatch recheck(Connection connection, long accountId) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            LedgerInvariants.BalanceMismatch mismatch = null;
            try (PreparedStatement account = connection.prepareStatement("SELECT account_number, ledger_balance,"
                    + " available_balance, account_type FROM member_account WHERE id = ?");
                 PreparedStatement lines = connection.prepareStatement("SELECT COALESCE(SUM(CASE WHEN side = 'C'"
                         + " THEN amount ELSE -amount END), 0) FROM journal_line WHERE member_account_id = ?");
                 PreparedStatement holds = connection.prepareStatement("SELECT COALESCE(SUM(amount), 0) FROM account_hold"
                         + " WHERE member_account_id = ? AND released_at IS NULL")) {
                account.setLong(1, accountId);
                lines.setLong(1, accountId);
                holds.setLong(1, accountId);
                try (ResultSet row = account.executeQuery()) {
                    if (row.next()) {
                        mismatch = mismatch(row.getString(1), row.getString(4), Money.of(row.getBigDecimal(2)),
                                Money.of(row.getBigDecimal(3)), sum(lines), sum(holds));
                    }
                }
            }
            connection.commit();
            return mismatch;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long sum(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return cents(rows.getBigDecimal(1));
        }
    }

    /** The difference between an account's stored balances and what its lines and holds make them, or null. */
    private static LedgerInvariants.BalanceMismatch mismatch(String accountNumber, String accountType, Money storedLedger,
                                                             Money storedAvailable, long netCredits, long heldCents) {
        Money fromLines = Money.ofCents("LOAN".equals(accountType) ? Math.negateExact(netCredits) : netCredits);
        Money expectedAvailable = Money.ofCents(Math.subtractExact(fromLines.cents(), heldCents));
        if (storedLedger.equals(fromLines) && storedAvailable.equals(expectedAvailable)) {
            return null;
        }
        return new LedgerInvariants.BalanceMismatch(accountNumber, storedLedger, fromLines, storedAvailable, expectedAvailable);
    }

    /** An amount of the database in cents; refuses one that is not whole cents or does not fit. */
    private static long cents(BigDecimal amount) {
        return amount.scale() == 2 ? amount.unscaledValue().longValueExact() : Money.of(amount).cents();
    }
}
