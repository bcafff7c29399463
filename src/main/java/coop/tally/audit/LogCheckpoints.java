package coop.tally.audit;

import coop.tally.platform.SchemaMigration;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes signed checkpoints of the call-log and security-log trees (never updates one) and reads
 * them back. {@link Checkpoints} takes them at the same moments as the journal's. Each first seals
 * every row committed so far; the tree of each log's last checkpoint is kept in memory and extended
 * with the leaves added since.
 */
@ApplicationScoped
public class LogCheckpoints {

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    LogSealer sealer;

    @Inject
    SigningKey key;

    @Inject
    TallyClock clock;

    private final Map<SealedLog, TreeHead> trees = new EnumMap<>(SealedLog.class);

    /** One new checkpoint per sealed log, in {@link SealedLog} order. */
    public synchronized List<LogCheckpoint> create(String reason) throws SQLException {
        sealer.sealPending();
        List<LogCheckpoint> created = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // the log sealer's lock: no leaf can be added between reading the leaves and the insert
                try (PreparedStatement lock = connection.prepareStatement(
                        "UPDATE audit_lock SET taken_at = ? WHERE name = 'log_sealer'")) {
                    lock.setTimestamp(1, Timestamp.from(clock.now()));
                    lock.executeUpdate();
                }
                for (SealedLog log : SealedLog.values()) {
                    TreeHead tree = trees.computeIfAbsent(log, l -> new TreeHead());
                    extend(connection, log, tree);
                    created.add(insert(connection, log, tree, reason));
                }
                connection.commit();
                return created;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                trees.clear();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Every log checkpoint, oldest first. */
    public List<LogCheckpoint> all() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return all(connection);
        }
    }

    static List<LogCheckpoint> all(Connection connection) throws SQLException {
        List<LogCheckpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT log_name, id, tree_size, root_hash,"
                + " created_at, reason, key_id, signature FROM log_checkpoint ORDER BY id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                checkpoints.add(new LogCheckpoint(rows.getString(1), rows.getLong(2), rows.getLong(3),
                        rows.getString(4).trim(), rows.getTimestamp(5).toInstant(), rows.getString(6),
                        rows.getString(7).trim(), rows.getString(8).trim()));
            }
        }
        return checkpoints;
    }

    /** The checkpoints of one log, oldest first. */
    static List<LogCheckpoint> of(List<LogCheckpoint> all, String log) {
        return all.stream().filter(checkpoint -> checkpoint.log().equals(log)).toList();
    }

    private static void extend(Connection connection, SealedLog log, TreeHead tree) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT leaf_index, leaf_hash FROM log_leaf"
                + " WHERE log_name = ? AND leaf_index >= ? ORDER BY leaf_index")) {
            query.setString(1, log.logName);
            query.setLong(2, tree.size());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(1) != tree.size()) {
                        throw new IllegalStateException(log.logName + " leaf " + tree.size() + " is missing; refusing to sign");
                    }
                    tree.append(Hex.parse(rows.getString(2)));
                }
            }
        }
    }

    private LogCheckpoint insert(Connection connection, SealedLog log, TreeHead tree, String reason) throws SQLException {
        Instant createdAt = clock.now().truncatedTo(ChronoUnit.MICROS);
        String root = Hex.of(tree.root());
        String signature = Hex.of(key.sign(LogCheckpoint.signedText(log.logName, tree.size(), root, createdAt, reason)));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_checkpoint (log_name, tree_size,"
                + " root_hash, created_at, reason, key_id, signature) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, log.logName);
            insert.setLong(2, tree.size());
            insert.setString(3, root);
            insert.setTimestamp(4, Timestamp.from(createdAt));
            insert.setString(5, reason);
            insert.setString(6, key.keyId());
            insert.setString(7, signature);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new LogCheckpoint(log.logName, keys.getLong(1), tree.size(), root, createdAt, reason,
                        key.keyId(), signature);
            }
        }
    }
}
