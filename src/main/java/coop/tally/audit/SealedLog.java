package coop.tally.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only log sealed into a Merkle tree of its own (table log_leaf, keyed by log name): the
 * call log and the security log. Reads its rows over JDBC and hashes them with {@link LogEncoding}.
 */
enum SealedLog {

    CALL_EVENT(LogEncoding.CALL_EVENT, """
            SELECT id, call_id, occurred_at, staff, event_type, member_number, factor, outcome, detail
              FROM call_event WHERE id >= ? AND id <= ? ORDER BY id""") {
        @Override
        byte[] encode(ResultSet row) throws SQLException {
            return LogEncoding.encode(new LogEncoding.CallEventRow(row.getLong(1), row.getString(2),
                    instant(row.getTimestamp(3)), row.getString(4), row.getString(5), row.getString(6),
                    row.getString(7), row.getString(8), row.getString(9)));
        }

        @Override
        Instant occurredAt(ResultSet row) throws SQLException {
            return instant(row.getTimestamp(3));
        }
    },

    SECURITY_EVENT(LogEncoding.SECURITY_EVENT, """
            SELECT id, occurred_at, event_type, actor, subject, detail, remote_addr
              FROM security_event WHERE id >= ? AND id <= ? ORDER BY id""") {
        @Override
        byte[] encode(ResultSet row) throws SQLException {
            return LogEncoding.encode(new LogEncoding.SecurityEventRow(row.getLong(1), instant(row.getTimestamp(2)),
                    row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7)));
        }

        @Override
        Instant occurredAt(ResultSet row) throws SQLException {
            return instant(row.getTimestamp(2));
        }
    };

    /** One row: its leaf hash, or null with the reason when the row cannot be encoded. */
    record Row(long id, Instant occurredAt, byte[] leafHash, String unreadable) {
    }

    static final int BATCH = 2_000;

    final String logName;
    private final String select;

    SealedLog(String logName, String select) {
        this.logName = logName;
        this.select = select;
    }

    abstract byte[] encode(ResultSet row) throws SQLException;

    abstract Instant occurredAt(ResultSet row) throws SQLException;

    String table() {
        return logName;
    }

    /** The rows with ids in [from, to], in id order. */
    List<Row> read(Connection connection, long from, long to) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(select)) {
            query.setLong(1, from);
            query.setLong(2, to);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long id = row.getLong(1);
                    Instant occurred = occurredAt(row);
                    try {
                        rows.add(new Row(id, occurred, Merkle.leafHash(encode(row)), null));
                    } catch (IllegalArgumentException e) {
                        rows.add(new Row(id, occurred, null, e.getMessage()));
                    }
                }
            }
        }
        return rows;
    }

    /** {min id, max id} of the log, or null when it is empty. */
    long[] idRange(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT MIN(id), MAX(id) FROM " + table());
             ResultSet rows = query.executeQuery()) {
            rows.next();
            Long min = rows.getObject(1, Long.class);
            return min == null ? null : new long[]{min, rows.getLong(2)};
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
