package coop.tally.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The rows of audit_lock whose row locks keep one writer of a tree's leaves at a time across servers:
 * a sealer pass and a checkpoint of the same trees take the same row, so no leaf can be added while a
 * checkpoint reads the leaves it signs.
 */
enum AuditLock {

    /** The journal's tree. */
    SEALER("sealer"),
    /** The trees of the call log and the security log. */
    LOG_SEALER("log_sealer");

    private final String update;

    AuditLock(String name) {
        this.update = "UPDATE audit_lock SET taken_at = ? WHERE name = '" + name + "'";
    }

    /** Takes the row lock; it is held until the connection's transaction ends. */
    void take(Connection connection, Instant at) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(update)) {
            lock.setTimestamp(1, Timestamp.from(at));
            lock.executeUpdate();
        }
    }
}
