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
import java.util.List;

/**
 * Writes signed checkpoints (never updates one) and reads them back. A checkpoint first seals every
 * entry committed so far, so that it covers everything acknowledged before it was asked for.
 *
 * <p>The root is computed from the stored leaf hashes. The tree of the last checkpoint is kept in
 * memory and extended with the leaves added since, so a daily checkpoint reads only the new leaves.
 */
@ApplicationScoped
public class Checkpoints {

    public static final String ON_DEMAND = "ON_DEMAND";
    public static final String BUSINESS_DAY = "BUSINESS_DAY";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    Sealer sealer;

    @Inject
    SigningKey key;

    @Inject
    TallyClock clock;

    private TreeHead tree = new TreeHead();

    public synchronized Checkpoint create(String reason) throws SQLException {
        sealer.sealPending();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // the sealer's lock: no leaf can be added between reading the leaves and the insert
                try (PreparedStatement lock = connection.prepareStatement(
                        "UPDATE audit_lock SET taken_at = ? WHERE name = 'sealer'")) {
                    lock.setTimestamp(1, Timestamp.from(clock.now()));
                    lock.executeUpdate();
                }
                extendTree(connection);
                Checkpoint checkpoint = insert(connection, reason);
                connection.commit();
                return checkpoint;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                tree = new TreeHead();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
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

    private void extendTree(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT leaf_index, leaf_hash FROM merkle_leaf WHERE leaf_index >= ? ORDER BY leaf_index")) {
            query.setLong(1, tree.size());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(1) != tree.size()) {
                        throw new IllegalStateException("Leaf " + tree.size() + " is missing; refusing to sign");
                    }
                    tree.append(Hex.parse(rows.getString(2)));
                }
            }
        }
    }

    private Checkpoint insert(Connection connection, String reason) throws SQLException {
        Instant createdAt = clock.now().truncatedTo(ChronoUnit.MICROS);
        String root = Hex.of(tree.root());
        String signature = Hex.of(key.sign(Checkpoint.signedText(tree.size(), root, createdAt, reason)));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_checkpoint (tree_size, root_hash,"
                + " created_at, reason, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, tree.size());
            insert.setString(2, root);
            insert.setTimestamp(3, Timestamp.from(createdAt));
            insert.setString(4, reason);
            insert.setString(5, key.keyId());
            insert.setString(6, signature);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Checkpoint(keys.getLong(1), tree.size(), root, createdAt, reason, key.keyId(), signature);
            }
        }
    }
}
