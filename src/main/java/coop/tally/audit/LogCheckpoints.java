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
import java.util.ArrayList;
import java.util.List;

/**
 * Writes signed checkpoints of the call-log and security-log trees (never updates one) and reads
 * them back. {@link Checkpoints} takes them at the same moments as the journal's. Each first seals
 * every row committed so far; the tree of each log's last checkpoint is kept in memory and extended
 * with the leaves added since ({@link CheckpointWriter}, over each {@link LogStream}).
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

    private final CheckpointWriter<LogCheckpoint> logs = new CheckpointWriter<>(LogStream.ALL);

    /** One new checkpoint per sealed log, in {@link SealedLog} order. */
    public synchronized List<LogCheckpoint> create(String reason) throws SQLException {
        sealer.sealPending();
        return logs.create(dataSource, clock, key, reason);
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
}
