package coop.tally.platform;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Lets one server at a time run the start-up work that follows the migrations (keys, the first
 * business day, demo data, the first checkpoints): two servers started at once on an empty
 * PostgreSQL database would otherwise both find it empty and both fill it. A session-level advisory
 * lock, released when the work is done or, if the server dies, when its connection closes. Embedded
 * Derby belongs to one server and needs none.
 */
final class StartLock implements AutoCloseable {

    /** Any number no other advisory lock uses: "TALLY" in ASCII. */
    private static final long KEY = 0x54414C4C59L;

    private final Connection connection;

    private StartLock(Connection connection) {
        this.connection = connection;
    }

    static StartLock take(DataSource dataSource, DatabaseChoice.Kind database) throws SQLException {
        if (database != DatabaseChoice.Kind.POSTGRESQL) {
            return new StartLock(null);
        }
        Connection connection = dataSource.getConnection();
        try {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.execute();
            }
            return new StartLock(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        // the pool keeps the session open: the lock must be given back, not left to the session's end
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        }
    }
}
