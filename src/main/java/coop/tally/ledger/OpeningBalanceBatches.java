package coop.tally.ledger;

import coop.tally.crypto.RowMacs;
import coop.tally.member.SeededAccount;
import coop.tally.money.Money;
import coop.tally.platform.ParallelWriters;
import coop.tally.platform.SchemaMigration;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * The journal pipeline's batch path: writes the opening balances of newly converted accounts as
 * OPENING_BALANCE journal entries, one per member ({@link OpeningEntries}), and sets the same
 * balances on the accounts in the same transactions. A benchmark data set has 100,000 members, so
 * it writes with batched JDBC, and it takes its entry ids as one block reserved up front (as the
 * demo member loader does), so that headers can be batched like their lines and each entry is
 * complete before it is written, and so that chunks of entries can be written by several
 * connections at once. Each entry's MAC is recorded with it ({@link RowMacs}), as
 * {@link Journal} does for postings. Only {@link JournalPipeline} calls it.
 */
@ApplicationScoped
class OpeningBalanceBatches {

    /**
     * Entries written per transaction. Small, because Derby's cost per row grows with the row
     * locks its transaction already holds: 1,000 entries a commit took a fifth longer than 100.
     */
    static final int ENTRIES_PER_COMMIT = 100;
    /** Connections writing at once, at most one per processor: Derby's inserts are CPU-bound. */
    static final int MAX_WRITERS = 4;
    /** What the demo credit union's vault holds at conversion. */
    static final Money DEMO_VAULT_CASH = Money.parseAmount("1000000.00");
    static final String MEMO = "Opening balances converted from the previous core system (demo data)";
    private static final Logger LOG = Logger.getLogger(OpeningBalanceBatches.class.getName());

    private static final String INSERT_ENTRY = "INSERT INTO journal_entry (id, entry_type, business_date, posted_at,"
            + " posted_by, memo) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LINE = "INSERT INTO journal_line (entry_id, line_no, account_kind, account_ref,"
            + " member_account_id, gl_code, side, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SET_BALANCE = "UPDATE member_account SET ledger_balance = ?, available_balance = ? WHERE id = ?";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    BusinessDates businessDates;

    @Inject
    TallyClock clock;

    @Inject
    RowMacs rowMacs;

    void write(List<SeededAccount> accounts) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        List<OpeningEntries.Entry> entries = new ArrayList<>(OpeningEntries.perMember(accounts));
        LocalDate businessDate = businessDates.current();
        Instant convertedAt = clock.now().truncatedTo(ChronoUnit.MICROS);
        long firstId;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            if (!hasLines(connection, GlAccounts.VAULT_CASH)) {
                // the vault's cash as converted, once: the drawers' vault buys draw on it
                entries.add(OpeningEntries.vaultCash(DEMO_VAULT_CASH));
            }
            firstId = reserveIds(connection, entries.size());
            connection.commit();
        }
        int chunks = (entries.size() + ENTRIES_PER_COMMIT - 1) / ENTRIES_PER_COMMIT;
        int writers = Math.max(1, Math.min(Math.min(MAX_WRITERS, Runtime.getRuntime().availableProcessors()), chunks));
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            running.add(executor.submit(() -> {
                writeChunks(entries, firstId, writer, writers, businessDate, convertedAt);
                return null;
            }));
        }
        ParallelWriters.awaitAll(running, "Posting the opening balances");
        LOG.info(() -> "Opening balances posted as " + entries.size() + " entries in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /**
     * Writes chunks {@code writer}, {@code writer + writers}, ... of the entries on a connection of
     * its own, a commit per chunk. The writers touch disjoint rows (each entry has its own id and its
     * own member's accounts), so they never wait on each other for a row.
     */
    private void writeChunks(List<OpeningEntries.Entry> entries, long firstId, int writer, int writers,
                             LocalDate businessDate, Instant convertedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement entryRows = connection.prepareStatement(INSERT_ENTRY);
                 PreparedStatement lineRows = connection.prepareStatement(INSERT_LINE);
                 PreparedStatement balances = connection.prepareStatement(SET_BALANCE);
                 PreparedStatement macRows = rowMacs.prepare(connection)) {
                for (int from = writer * ENTRIES_PER_COMMIT; from < entries.size(); from += writers * ENTRIES_PER_COMMIT) {
                    int to = Math.min(entries.size(), from + ENTRIES_PER_COMMIT);
                    for (int i = from; i < to; i++) {
                        long entryId = firstId + i;
                        addEntryRow(entryRows, entryId, businessDate, convertedAt);
                        List<CanonicalLine> lines = addLines(lineRows, balances, entryId, entries.get(i));
                        rowMacs.addBatch(macRows, RowMacs.JOURNAL_ENTRY, entryId, EntryEncoding.encode(new CanonicalEntry(
                                entryId, EntryType.OPENING_BALANCE, businessDate, convertedAt, "system",
                                null, null, null, MEMO, null, null, lines)));
                    }
                    // headers before their lines: the foreign key is checked row by row
                    entryRows.executeBatch();
                    lineRows.executeBatch();
                    balances.executeBatch();
                    macRows.executeBatch();
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Takes ids {@code first .. first + count - 1} for this load and moves the identity past them
     * (the caller commits). Runs at start-up, before anything else posts.
     */
    private static long reserveIds(Connection connection, int count) throws SQLException {
        long first;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(id) FROM journal_entry")) {
            first = (rows.next() ? rows.getLong(1) : 0) + 1;
        }
        try (Statement statement = connection.createStatement()) {
            // the same statement on Derby and PostgreSQL
            statement.execute("ALTER TABLE journal_entry ALTER COLUMN id RESTART WITH " + (first + count));
        }
        return first;
    }

    /** The one place this loader writes a journal_entry row (every column an entry's header has). */
    private static void addEntryRow(PreparedStatement entryRows, long entryId, LocalDate businessDate, Instant postedAt)
            throws SQLException {
        entryRows.setLong(1, entryId);
        entryRows.setString(2, EntryType.OPENING_BALANCE.name());
        entryRows.setDate(3, Date.valueOf(businessDate));
        entryRows.setTimestamp(4, Timestamp.from(postedAt));
        entryRows.setString(5, "system");
        entryRows.setString(6, MEMO);
        entryRows.addBatch();
    }

    /**
     * The entry's lines, and each member account's balance set to what its line opens it with;
     * returns the lines as they take part in the entry's canonical bytes.
     */
    private static List<CanonicalLine> addLines(PreparedStatement lineRows, PreparedStatement balances, long entryId,
                                                OpeningEntries.Entry entry) throws SQLException {
        List<CanonicalLine> written = new ArrayList<>();
        int lineNo = 0;
        for (OpeningEntries.Line line : entry.lines()) {
            written.add(new CanonicalLine(lineNo + 1, line.account(), line.side(), line.amount()));
            boolean member = line.account().isMember();
            lineRows.setLong(1, entryId);
            lineRows.setInt(2, ++lineNo);
            lineRows.setString(3, member ? "M" : "G");
            lineRows.setString(4, line.account().id());
            if (member) {
                lineRows.setLong(5, line.memberAccountId());
                lineRows.setNull(6, Types.VARCHAR);
            } else {
                lineRows.setNull(5, Types.BIGINT);
                lineRows.setString(6, line.account().id());
            }
            lineRows.setString(7, line.side() == Side.DEBIT ? "D" : "C");
            lineRows.setBigDecimal(8, line.amount().toBigDecimal());
            lineRows.addBatch();
            if (member) {
                balances.setBigDecimal(1, line.amount().toBigDecimal());
                balances.setBigDecimal(2, line.amount().toBigDecimal());
                balances.setLong(3, line.memberAccountId());
                balances.addBatch();
            }
        }
        return written;
    }

    private static boolean hasLines(Connection connection, String glCode) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM journal_line WHERE gl_code = ?")) {
            query.setString(1, glCode);
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
