package coop.tally.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.derby.jdbc.BasicEmbeddedDataSource40;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Derby's online backup of the running database ({@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}): postings
 * go on while it copies, and the copy holds every transaction committed before its copy of the log
 * ended. A copy is restored by putting its folder where a database is expected ({@code tally.db}).
 *
 * <p>A copy can also be opened as a database of its own ({@link #inCopy}), for work that must be done
 * in it before it is put away, and is shut down again afterwards so that its files are whole.
 */
@ApplicationScoped
public class DerbyBackup {

    /** Derby's answer to a clean shutdown of one database. */
    private static final String SHUT_DOWN = "08006";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /** Work done in an opened copy. */
    @FunctionalInterface
    public interface Work<T> {
        T in(DataSource copy) throws SQLException;
    }

    /** Why Tally does not back up the database it runs on, or empty when it does. */
    public Optional<String> unavailable() {
        DatabaseChoice choice = DatabaseChoice.configured();
        if (choice.kind() == DatabaseChoice.Kind.POSTGRESQL) {
            return Optional.of("Tally runs on PostgreSQL: back it up with pg_dump (see the README's \"Backup and restore\").");
        }
        if (choice.derbyFolder().isEmpty()) {
            return Optional.of("Tally runs on a Derby database that is not in a folder (in memory): there is nothing to back up.");
        }
        return Optional.empty();
    }

    /**
     * Copies the running database into {@code folder}, which Derby creates; answers the copy's own
     * database folder inside it, named as the live one's ({@code db} in a data folder).
     */
    public Path copyInto(Path folder) throws SQLException {
        String live = DatabaseChoice.configured().derbyFolder()
                .orElseThrow(() -> new IllegalStateException(unavailable().orElse("no Derby database folder")));
        try (Connection connection = dataSource.getConnection();
             CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            // absolute: Derby resolves a relative backup folder against the JVM's working directory
            backup.setString(1, folder.toAbsolutePath().toString());
            backup.execute();
        }
        Path copy = folder.resolve(Path.of(live).getFileName().toString());
        if (!Files.isRegularFile(copy.resolve("service.properties"))) {
            throw new IllegalStateException("Derby reported a backup, but " + copy + " holds no database");
        }
        return copy;
    }

    /**
     * Boots the copy as a database of its own beside the live one, does the work in it, and shuts
     * it down again, so that the copy is left as a cleanly closed database. The copy is never
     * created here: a wrong folder fails rather than making an empty database.
     */
    public <T> T inCopy(Path copy, Work<T> work) throws SQLException {
        BasicEmbeddedDataSource40 database = new BasicEmbeddedDataSource40();
        database.setDatabaseName(copy.toAbsolutePath().toString());
        T result;
        try {
            result = work.in(database);
        } catch (SQLException | RuntimeException e) {
            try {
                shutDown(copy);
            } catch (SQLException notBooted) {
                e.addSuppressed(notBooted);
            }
            throw e;
        }
        shutDown(copy);
        return result;
    }

    private static void shutDown(Path copy) throws SQLException {
        BasicEmbeddedDataSource40 database = new BasicEmbeddedDataSource40();
        database.setDatabaseName(copy.toAbsolutePath().toString());
        database.setShutdownDatabase("shutdown");
        try {
            database.getConnection().close();
        } catch (SQLException e) {
            if (!SHUT_DOWN.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
