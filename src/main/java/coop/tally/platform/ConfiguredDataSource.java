package coop.tally.platform;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The data source the container pools ({@link SchemaMigration}'s {@code @DataSourceDefinition}):
 * hands out plain connections to the database {@link DatabaseChoice} picks from configuration.
 * A data source of our own, rather than the driver's, because the annotation's class name is fixed
 * at compile time while the database is chosen at start; the container still pools, enlists and
 * sets the isolation level.
 */
public class ConfiguredDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());

    private static final String DERBY_PAGE_CACHE = "derby.storage.pageCacheSize";
    private static final String DERBY_PAGE_CACHE_PAGES = "8000";

    private volatile Connector connector;
    private PrintWriter logWriter;
    private int loginTimeout;

    private record Connector(Driver driver, DatabaseChoice choice) {
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connector to = connector();
        Connection connection = to.driver().connect(to.choice().url(), to.choice().connectionProperties());
        if (connection == null) {
            throw new SQLException("The driver did not accept " + to.choice().describe());
        }
        return connection;
    }

    /** The user and password are Tally's own settings, never the container's. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private Connector connector() {
        Connector known = connector;
        if (known == null) {
            synchronized (this) {
                if (connector == null) {
                    DatabaseChoice choice = DatabaseChoice.configured();
                    connector = new Connector(driverFor(choice.kind()), choice);
                    LOG.info(() -> "Database: " + choice.describe());
                }
                known = connector;
            }
        }
        return known;
    }

    /** The driver class itself, not {@code DriverManager}: the manager only sees drivers of its caller's class loader. */
    private static Driver driverFor(DatabaseChoice.Kind kind) {
        return switch (kind) {
            case DERBY -> {
                // Derby keeps 1,000 pages (4 MB) by default: far fewer than the member and journal pages
                // a day's postings touch, so it would read them again and again. Read once, at boot;
                // a -Dderby.storage.pageCacheSize of the operator's wins.
                System.getProperties().putIfAbsent(DERBY_PAGE_CACHE, DERBY_PAGE_CACHE_PAGES);
                yield new org.apache.derby.jdbc.EmbeddedDriver();
            }
            case POSTGRESQL -> new org.postgresql.Driver();
        };
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
