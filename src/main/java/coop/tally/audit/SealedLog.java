package coop.tally.audit;

import coop.tally.crypto.LogEncoding;
import jakarta.json.JsonObjectBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static coop.tally.web.JsonBuilders.JSON;

/**
 * An append-only log sealed into a Merkle tree of its own (table log_leaf, keyed by log name): the
 * call log and the security log. Reads its rows (with the MAC recorded with each) over JDBC and
 * hashes them with {@link LogEncoding}.
 */
enum SealedLog {

    CALL_EVENT(LogEncoding.CALL_EVENT, "id, call_id, occurred_at, staff, event_type, member_number, factor, outcome, detail") {
        @Override
        byte[] encode(ResultSet row) throws SQLException {
            return LogEncoding.encode(callEvent(row, 0));
        }

        @Override
        JsonObjectBuilder json(ResultSet row, int offset) throws SQLException {
            LogEncoding.CallEventRow event = callEvent(row, offset);
            JsonObjectBuilder json = JSON.createObjectBuilder().add("id", event.id());
            optional(json, "callId", event.callId());
            optional(json, "occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
            optional(json, "staff", event.staff());
            optional(json, "eventType", event.eventType());
            optional(json, "memberNumber", event.memberNumber());
            optional(json, "factor", event.factor());
            optional(json, "outcome", event.outcome());
            optional(json, "detail", event.detail());
            return json;
        }

        private LogEncoding.CallEventRow callEvent(ResultSet row, int offset) throws SQLException {
            return new LogEncoding.CallEventRow(row.getLong(offset + 1), row.getString(offset + 2),
                    instant(row.getTimestamp(offset + 3)), row.getString(offset + 4), row.getString(offset + 5),
                    row.getString(offset + 6), row.getString(offset + 7), row.getString(offset + 8),
                    row.getString(offset + 9));
        }

        @Override
        Instant occurredAt(ResultSet row) throws SQLException {
            return instant(row.getTimestamp(3));
        }
    },

    SECURITY_EVENT(LogEncoding.SECURITY_EVENT, "id, occurred_at, event_type, actor, subject, detail, remote_addr") {
        @Override
        byte[] encode(ResultSet row) throws SQLException {
            return LogEncoding.encode(securityEvent(row, 0));
        }

        @Override
        JsonObjectBuilder json(ResultSet row, int offset) throws SQLException {
            LogEncoding.SecurityEventRow event = securityEvent(row, offset);
            JsonObjectBuilder json = JSON.createObjectBuilder().add("id", event.id());
            optional(json, "occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
            optional(json, "eventType", event.eventType());
            optional(json, "actor", event.actor());
            optional(json, "subject", event.subject());
            optional(json, "detail", event.detail());
            optional(json, "remoteAddr", event.remoteAddr());
            return json;
        }

        private LogEncoding.SecurityEventRow securityEvent(ResultSet row, int offset) throws SQLException {
            return new LogEncoding.SecurityEventRow(row.getLong(offset + 1), instant(row.getTimestamp(offset + 2)),
                    row.getString(offset + 3), row.getString(offset + 4), row.getString(offset + 5),
                    row.getString(offset + 6), row.getString(offset + 7));
        }

        @Override
        Instant occurredAt(ResultSet row) throws SQLException {
            return instant(row.getTimestamp(2));
        }
    };

    /**
     * One row: its canonical bytes and leaf hash, or null for both with the reason when the row cannot
     * be encoded; and the MAC recorded with it, or null.
     */
    record Row(long id, Instant occurredAt, byte[] canonical, byte[] leafHash, String unreadable, String mac) {
    }

    static final int BATCH = 2_000;

    final String logName;
    /** The hashed columns, in the order {@link #encode} and {@link #json} read them. */
    final String columns;
    private final String select;
    /** Where {@link #select} puts the row's MAC. */
    private final int macColumn;

    SealedLog(String logName, String columns) {
        this.logName = logName;
        this.columns = columns;
        String id = logName + ".id";
        this.select = "SELECT " + columns + ", m.mac FROM " + logName + " LEFT JOIN row_mac m ON m.row_table = '"
                + logName + "' AND m.row_id = " + id + " WHERE " + id + " >= ? AND " + id + " <= ? ORDER BY " + id;
        this.macColumn = columns.split(",").length + 1;
    }

    abstract byte[] encode(ResultSet row) throws SQLException;

    /**
     * Every hashed column of the row whose first column is at {@code offset + 1}, under the names the
     * offline verifier reads; absent values are JSON null, so that absent and empty stay distinct.
     */
    abstract JsonObjectBuilder json(ResultSet row, int offset) throws SQLException;

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

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
                    String mac = row.getString(macColumn);
                    try {
                        byte[] canonical = encode(row);
                        rows.add(new Row(id, occurred, canonical, Merkle.leafHash(canonical), null, mac));
                    } catch (IllegalArgumentException e) {
                        rows.add(new Row(id, occurred, null, null, e.getMessage(), mac));
                    }
                }
            }
        }
        return rows;
    }

    /** {min id, max id} of the log, or null when it is empty. */
    long[] idRange(Connection connection) throws SQLException {
        // one aggregate a query: Derby answers a lone MIN or MAX from the key's index, both at once by a full scan
        Long min = aggregate(connection, "SELECT MIN(id) FROM " + table());
        Long max = aggregate(connection, "SELECT MAX(id) FROM " + table());
        return min == null || max == null ? null : new long[]{min, max};
    }

    private static Long aggregate(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getObject(1, Long.class);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
