package coop.tally.audit;

import coop.tally.ledger.AccountRef;
import coop.tally.ledger.CanonicalEntry;
import coop.tally.ledger.CanonicalLine;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.Side;
import coop.tally.money.Money;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Reads journal entries with their lines and MACs straight over JDBC, a batch of consecutive ids at a time
 * (two queries per batch), because verification and export walk the whole journal and JPA would
 * build and track an object graph for every row.
 */
final class JournalRows {

    static final int BATCH = 2_000;

    private static final String ENTRIES = """
            SELECT e.id, e.entry_type, e.business_date, e.posted_at, e.posted_by, e.session_id, e.approval_id,
                   e.idempotency_key, e.memo, e.reverses_entry_id, e.reason_code, e.approved_by, m.mac
              FROM journal_entry e LEFT JOIN row_mac m ON m.row_table = 'journal_entry' AND m.row_id = e.id
             WHERE e.id >= ? AND e.id <= ? ORDER BY e.id""";

    private static final String LINES = """
            SELECT l.entry_id, l.line_no, l.account_kind, l.account_ref, l.member_account_id, l.gl_code,
                   l.side, l.amount, a.account_number
              FROM journal_line l LEFT JOIN member_account a ON a.id = l.member_account_id
             WHERE l.entry_id >= ? AND l.entry_id <= ?""";

    /** The same without the join, for a caller that holds every account number already. */
    private static final String LINES_ONLY = """
            SELECT l.entry_id, l.line_no, l.account_kind, l.account_ref, l.member_account_id, l.gl_code,
                   l.side, l.amount
              FROM journal_line l
             WHERE l.entry_id >= ? AND l.entry_id <= ?""";

    private static final String ALL_ENTRIES = """
            SELECT id, entry_type, business_date, posted_at, posted_by, session_id, approval_id,
                   idempotency_key, memo, reverses_entry_id, reason_code, approved_by
              FROM journal_entry ORDER BY id""";

    /** The entries' MACs in entry id order: the primary key's order, so the scan sorts nothing. */
    private static final String ALL_MACS = """
            SELECT row_id, mac FROM row_mac WHERE row_table = 'journal_entry' ORDER BY row_table, row_id""";

    private static final String ALL_LINES = """
            SELECT entry_id, line_no, account_kind, account_ref, member_account_id, gl_code, side, amount
              FROM journal_line ORDER BY entry_id, line_no""";

    /**
     * The same three in storage order, for {@link #forEach} to put back in key order: a heap scan
     * reads each row once, where a scan in key order looks every row up from its index. The row_mac
     * scan is told not to use its key's index (a comment to any other database).
     */
    private static final String STORED_ENTRIES = """
            SELECT id, entry_type, business_date, posted_at, posted_by, session_id, approval_id,
                   idempotency_key, memo, reverses_entry_id, reason_code, approved_by
              FROM journal_entry""";

    private static final String STORED_MACS = """
            SELECT row_id, mac FROM row_mac --DERBY-PROPERTIES index=null
             WHERE row_table = 'journal_entry'""";

    private static final String STORED_LINES = """
            SELECT entry_id, line_no, account_kind, account_ref, member_account_id, gl_code, side, amount
              FROM journal_line""";

    /** How far (in rows) a row may be stored from its key order and still be put back in order. */
    static final int REORDER_WINDOW = 4_096;

    /** Rows a round trip between Derby and the driver; a whole-journal walk reads millions. */
    static final int FETCH_SIZE = 1_000;

    private JournalRows() {
    }

    /**
     * Every entry with its lines, in id order, from three scans merged as they stream: one query each
     * for the whole journal, where reading it in id batches cost two index probes and a map of lines
     * per batch. Lines whose entry does not exist are skipped here; replay counts them in the balances.
     *
     * <p>In storage order ({@code storageOrder}) each table is read by a heap scan and put back in key
     * order by a {@link ReorderWindow}; when a row lies further from its place than the window, this
     * throws {@link ReorderWindow.Displaced} (the action has then seen some entries) and the caller
     * reads again in key order, where each scan follows its primary key and sorts nothing.
     *
     * <p>The lines (twice as many rows as the entries) are read on {@code lineConnection} by a task on
     * {@code runner} ({@link RowFeed}) while this thread reads the entries and their MACs.
     */
    static void forEach(Connection connection, Connection lineConnection, Executor runner,
                        Map<Long, String> accountNumbers, boolean storageOrder,
                        Consumer<Read> action) throws SQLException {
        try (PreparedStatement entryQuery = connection.prepareStatement(storageOrder ? STORED_ENTRIES : ALL_ENTRIES);
             PreparedStatement macQuery = connection.prepareStatement(storageOrder ? STORED_MACS : ALL_MACS)) {
            entryQuery.setFetchSize(FETCH_SIZE);
            macQuery.setFetchSize(FETCH_SIZE);
            try (ResultSet entryRows = entryQuery.executeQuery(); ResultSet macRows = macQuery.executeQuery();
                 RowFeed<RawLine> lines = lines(lineConnection, runner, accountNumbers, storageOrder)) {
                InKeyOrder<RawEntry> entries = new InKeyOrder<>(entryRows, JournalRows::rawEntry,
                        Comparator.comparingLong(RawEntry::id));
                InKeyOrder<MacRow> macs = new InKeyOrder<>(macRows, rows -> new MacRow(rows.getLong(1), rows.getString(2)),
                        Comparator.comparingLong(MacRow::rowId));
                RawLine line = lines.next();
                MacRow mac = macs.next();
                for (RawEntry entry = entries.next(); entry != null; entry = entries.next()) {
                    long id = entry.id();
                    List<RawLine> ofEntry = new ArrayList<>(2);
                    while (line != null && line.entryId() <= id) {
                        if (line.entryId() == id) {
                            ofEntry.add(line);
                        }
                        line = lines.next();
                    }
                    String macText = null;
                    while (mac != null && mac.rowId() <= id) {
                        if (mac.rowId() == id) {
                            macText = mac.mac();
                        }
                        mac = macs.next();
                    }
                    action.accept(new Read(entry, ofEntry, macText));
                }
            }
        }
    }

    /** The journal's lines in key order, read on {@code lineConnection} by another thread and fed to this one. */
    private static RowFeed<RawLine> lines(Connection lineConnection, Executor runner, Map<Long, String> accountNumbers,
                                          boolean storageOrder) {
        return new RowFeed<>(runner, sink -> {
            try (PreparedStatement query = lineConnection.prepareStatement(storageOrder ? STORED_LINES : ALL_LINES)) {
                query.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = query.executeQuery()) {
                    InKeyOrder<RawLine> lines = new InKeyOrder<>(rows, row -> rawLine(row, accountNumbers), LINE_ORDER);
                    for (RawLine line = lines.next(); line != null && sink.accept(line); line = lines.next()) {
                        // each line handed over as it comes back in key order
                    }
                }
            }
        });
    }

    private static final Comparator<RawLine> LINE_ORDER =
            Comparator.comparingLong(RawLine::entryId).thenComparingInt(RawLine::lineNo);

    /** A result set's rows in key order: as read when the query orders them, else through a {@link ReorderWindow}. */
    private static final class InKeyOrder<T> {

        private final ResultSet rows;
        private final RowReader<T> reader;
        private final ReorderWindow<T> window;
        private boolean exhausted;

        InKeyOrder(ResultSet rows, RowReader<T> reader, Comparator<T> order) {
            this.rows = rows;
            this.reader = reader;
            this.window = new ReorderWindow<>(REORDER_WINDOW, order);
        }

        /** The next row in key order, or null after the last. */
        T next() throws SQLException {
            while (!exhausted) {
                if (!rows.next()) {
                    exhausted = true;
                    break;
                }
                T released = window.add(reader.read(rows));
                if (released != null) {
                    return released;
                }
            }
            return window.poll();
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static RawEntry rawEntry(ResultSet row) throws SQLException {
        return new RawEntry(row.getLong(1), row.getString(2), row.getDate(3), row.getTimestamp(4), row.getString(5),
                row.getString(6), row.getObject(7, Long.class), row.getString(8), row.getString(9),
                row.getObject(10, Long.class), row.getString(11), row.getString(12));
    }

    private static RawLine rawLine(ResultSet rows, Map<Long, String> accountNumbers) throws SQLException {
        Long memberAccountId = rows.getObject(5, Long.class);
        String accountNumber = memberAccountId == null ? null : accountNumbers.get(memberAccountId);
        return new RawLine(rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getString(4), memberAccountId,
                rows.getString(6), rows.getString(7), rows.getBigDecimal(8), accountNumber);
    }

    /** The entries whose ids are in [fromId, toId], in id order. */
    static List<StoredEntry> read(Connection connection, long fromId, long toId) throws SQLException {
        return read(connection, fromId, toId, null);
    }

    /** Every member account's number by id: read once, it spares a join per line when walking the whole journal. */
    static Map<Long, String> accountNumbers(Connection connection) throws SQLException {
        Map<Long, String> numbers = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, account_number FROM member_account");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                numbers.put(rows.getLong(1), rows.getString(2));
            }
        }
        return numbers;
    }

    /**
     * As {@link #read(Connection, long, long)}, with member account numbers from {@code accountNumbers}
     * (by member account id) when given, instead of a join that reads member_account rows.
     */
    static List<StoredEntry> read(Connection connection, long fromId, long toId, AccountNumbers accountNumbers)
            throws SQLException {
        Map<Long, List<RawLine>> lines = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(accountNumbers == null ? LINES : LINES_ONLY)) {
            query.setLong(1, fromId);
            query.setLong(2, toId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Long memberAccountId = rows.getObject(5, Long.class);
                    String accountNumber = accountNumbers == null ? rows.getString(9)
                            : memberAccountId == null ? null : accountNumbers.of(connection, memberAccountId);
                    lines.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new RawLine(rows.getLong(1),
                            rows.getInt(2), rows.getString(3), rows.getString(4), memberAccountId, rows.getString(6),
                            rows.getString(7), rows.getBigDecimal(8), accountNumber));
                }
            }
        }
        List<StoredEntry> entries = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(ENTRIES)) {
            query.setLong(1, fromId);
            query.setLong(2, toId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    entries.add(decode(rawEntry(rows), lines.getOrDefault(id, List.of()), rows.getString(13)));
                }
            }
        }
        return entries;
    }

    private static StoredEntry decode(RawEntry row, List<RawLine> rawLines, String mac) {
        long id = row.id();
        List<String> lineProblems = new ArrayList<>();
        try {
            List<CanonicalLine> lines = new ArrayList<>(rawLines.size());
            for (RawLine raw : rawLines) {
                String mismatch = raw.accountMismatch();
                if (mismatch != null) {
                    lineProblems.add("line " + raw.lineNo + ": " + mismatch);
                }
                lines.add(raw.toCanonical());
            }
            CanonicalEntry entry = new CanonicalEntry(id, EntryType.valueOf(row.entryType()),
                    row.businessDate().toLocalDate(), row.postedAt().toInstant(), row.postedBy(), row.sessionId(),
                    row.approvalId(), row.approvedBy(), row.idempotencyKey(), row.memo(), row.reversesEntryId(),
                    row.reasonCode(), lines);
            return new StoredEntry(id, entry, null, lineProblems, mac);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new StoredEntry(id, null, e.getMessage(), lineProblems, mac);
        }
    }

    /**
     * An entry's rows as read, not yet decoded: {@link #forEach} hands these over so that decoding
     * runs on whichever thread takes them (verification decodes on its hashing threads).
     */
    static final class Read {

        private final RawEntry entry;
        private final List<RawLine> lines;
        private final String mac;

        private Read(RawEntry entry, List<RawLine> lines, String mac) {
            this.entry = entry;
            this.lines = lines;
            this.mac = mac;
        }

        StoredEntry decode() {
            return JournalRows.decode(entry, lines, mac);
        }
    }

    /** The columns of a journal_entry row as read, before they are decoded. */
    private record RawEntry(long id, String entryType, Date businessDate, Timestamp postedAt, String postedBy,
                            String sessionId, Long approvalId, String idempotencyKey, String memo, Long reversesEntryId,
                            String reasonCode, String approvedBy) {
    }

    /** A row_mac row of a journal entry. */
    private record MacRow(long rowId, String mac) {
    }

    private record RawLine(long entryId, int lineNo, String kind, String accountRef, Long memberAccountId, String glCode,
                           String side, java.math.BigDecimal amount, String memberAccountNumber) {

        CanonicalLine toCanonical() {
            AccountRef account = switch (kind) {
                case "M" -> AccountRef.member(accountRef);
                case "G" -> AccountRef.gl(accountRef);
                default -> throw new IllegalArgumentException("line " + lineNo + " has account kind " + kind);
            };
            Side lineSide = switch (side) {
                case "D" -> Side.DEBIT;
                case "C" -> Side.CREDIT;
                default -> throw new IllegalArgumentException("line " + lineNo + " has side " + side);
            };
            return new CanonicalLine(lineNo, account, lineSide, Money.of(amount));
        }

        String accountMismatch() {
            if ("M".equals(kind) && !accountRef.equals(memberAccountNumber)) {
                return "account_ref " + accountRef + " but member_account_id " + memberAccountId
                        + " is account " + memberAccountNumber;
            }
            if ("G".equals(kind) && !accountRef.equals(glCode)) {
                return "account_ref " + accountRef + " but gl_code " + glCode;
            }
            return null;
        }
    }
}
