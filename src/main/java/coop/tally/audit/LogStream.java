package coop.tally.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static coop.tally.audit.SealedStream.bound;

/**
 * A sealed log as a sealed stream: its own table's rows, leaves in log_leaf and checkpoints in
 * log_checkpoint, both keyed by the log's name, so that each log has a tree of its own.
 */
final class LogStream implements SealedStream<LogCheckpoint> {

    /** Every sealed log, in {@link SealedLog} order. */
    static final List<LogStream> ALL = Arrays.stream(SealedLog.values()).map(LogStream::new).toList();

    private final SealedLog log;

    private LogStream(SealedLog log) {
        this.log = log;
    }

    @Override
    public AuditLock lock() {
        return AuditLock.LOG_SEALER;
    }

    @Override
    public String treeName() {
        return log.logName;
    }

    @Override
    public String macTable() {
        return log.logName;
    }

    /**
     * Yes: the floor rises to the largest id scanned, sealed or left out, so a left-out row is looked
     * at again only by the passes of the recheck window after it was first seen.
     */
    @Override
    public boolean floorPassesLeftOut() {
        return true;
    }

    @Override
    public PreparedStatement unsealedIds(Connection connection, long scanFrom, long upTo) throws SQLException {
        return bound(connection.prepareStatement("SELECT e.id FROM " + log.table() + " e WHERE e.id > ? AND e.id <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM log_leaf l WHERE l.log_name = ? AND l.row_id = e.id)"
                + " ORDER BY e.id FETCH FIRST " + StreamSealer.BATCH + " ROWS ONLY"), query -> {
            query.setLong(1, scanFrom);
            query.setLong(2, upTo);
            query.setString(3, log.logName);
        });
    }

    @Override
    public PreparedStatement largestRowId(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT MAX(id) FROM " + log.table());
    }

    @Override
    public List<SealableRow> read(Connection connection, long from, long to, Set<Long> wanted) throws SQLException {
        return log.read(connection, from, to).stream()
                .filter(row -> wanted.contains(row.id()))
                .map(row -> new SealableRow(row.id(), row.canonical(), row.leafHash(), row::unreadable, row.mac()))
                .toList();
    }

    @Override
    public PreparedStatement largestSealedRowId(Connection connection) throws SQLException {
        return bound(connection.prepareStatement("SELECT MAX(row_id) FROM log_leaf WHERE log_name = ?"),
                query -> query.setString(1, log.logName));
    }

    @Override
    public PreparedStatement largestLeafIndex(Connection connection) throws SQLException {
        return bound(connection.prepareStatement("SELECT MAX(leaf_index) FROM log_leaf WHERE log_name = ?"),
                query -> query.setString(1, log.logName));
    }

    @Override
    public PreparedStatement leafInsert(Connection connection) throws SQLException {
        return connection.prepareStatement(
                "INSERT INTO log_leaf (log_name, leaf_index, row_id, leaf_hash, sealed_at) VALUES (?, ?, ?, ?, ?)");
    }

    @Override
    public void bindLeaf(PreparedStatement insert, long leafIndex, long rowId, String leafHash, Timestamp sealedAt)
            throws SQLException {
        insert.setString(1, log.logName);
        insert.setLong(2, leafIndex);
        insert.setLong(3, rowId);
        insert.setString(4, leafHash);
        insert.setTimestamp(5, sealedAt);
    }

    @Override
    public PreparedStatement leavesFrom(Connection connection, long fromIndex) throws SQLException {
        return bound(connection.prepareStatement("SELECT leaf_index, leaf_hash FROM log_leaf"
                + " WHERE log_name = ? AND leaf_index >= ? ORDER BY leaf_index"), query -> {
            query.setString(1, log.logName);
            query.setLong(2, fromIndex);
        });
    }

    @Override
    public String rowName(long id) {
        return log.logName + " row " + id;
    }

    @Override
    public String leafName(long leafIndex) {
        return log.logName + " leaf " + leafIndex;
    }

    @Override
    public byte[] signedText(long treeSize, String rootHash, Instant createdAt, String reason) {
        return LogCheckpoint.signedText(log.logName, treeSize, rootHash, createdAt, reason);
    }

    @Override
    public PreparedStatement checkpointInsert(Connection connection, SignedHead head) throws SQLException {
        return bound(connection.prepareStatement("INSERT INTO log_checkpoint (log_name, tree_size,"
                + " root_hash, created_at, reason, key_id, signature) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS), insert -> {
            insert.setString(1, log.logName);
            insert.setLong(2, head.treeSize());
            insert.setString(3, head.rootHash());
            insert.setTimestamp(4, Timestamp.from(head.createdAt()));
            insert.setString(5, head.reason());
            insert.setString(6, head.keyId());
            insert.setString(7, head.signature());
        });
    }

    @Override
    public LogCheckpoint checkpoint(long id, SignedHead head) {
        return new LogCheckpoint(log.logName, id, head.treeSize(), head.rootHash(), head.createdAt(), head.reason(),
                head.keyId(), head.signature());
    }

    @Override
    public PreparedStatement checkpointsOfSize(Connection connection, long treeSize) throws SQLException {
        return bound(connection.prepareStatement("SELECT tree_size, root_hash, created_at, reason, key_id, signature"
                + " FROM log_checkpoint WHERE log_name = ? AND tree_size = ?"), query -> {
            query.setString(1, log.logName);
            query.setLong(2, treeSize);
        });
    }
}
