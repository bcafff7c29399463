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
 * Writes signed checkpoints (never updates one) and reads them back. A checkpoint first seals every
 * entry committed so far, so that it covers everything acknowledged before it was asked for.
 *
 * <p>The root is computed from the stored leaf hashes. The tree of the last checkpoint is kept in
 * memory and extended with the leaves added since, so a daily checkpoint reads only the new leaves,
 * and after a start resumes from the frontier saved with the last checkpoint ({@link CheckpointWriter},
 * over the {@link JournalStream}).
 */
@ApplicationScoped
public class Checkpoints {

    public static final String ON_DEMAND = "ON_DEMAND";
    public static final String BUSINESS_DAY = "BUSINESS_DAY";
    /** Signed as a backup starts: it covers everything acknowledged before, and the backup holds it. */
    public static final String BACKUP = "BACKUP";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    Sealer sealer;

    @Inject
    SigningKey key;

    @Inject
    TallyClock clock;

    private final CheckpointWriter<Checkpoint> journal = new CheckpointWriter<>(List.of(new JournalStream()));

    public synchronized Checkpoint create(String reason) throws SQLException {
        sealer.sealPending();
        return journal.create(dataSource, clock, key, reason).get(0);
    }

    /** Whether a BUSINESS_DAY checkpoint was signed since the newest business day was opened. */
    public boolean openBusinessDayIsSigned() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM audit_checkpoint WHERE reason = ?"
                     + " AND created_at >= (SELECT MAX(opened_at) FROM business_day)")) {
            query.setString(1, BUSINESS_DAY);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    /** Every checkpoint, oldest first. */
    public List<Checkpoint> all() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return all(connection);
        }
    }

    static List<Checkpoint> all(Connection connection) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, tree_size, root_hash, created_at, reason,"
                + " key_id, signature FROM audit_checkpoint ORDER BY id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                checkpoints.add(new Checkpoint(rows.getLong(1), rows.getLong(2), rows.getString(3).trim(),
                        rows.getTimestamp(4).toInstant(), rows.getString(5), rows.getString(6).trim(),
                        rows.getString(7).trim()));
            }
        }
        return checkpoints;
    }
}
