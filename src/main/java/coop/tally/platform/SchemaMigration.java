package coop.tally.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the schema to the newest version in {@code sql/} before anything else touches the
 * database. Flyway keeps the applied versions in {@code flyway_schema_history}; EclipseLink never
 * generates tables.
 *
 * <p>The datasource is embedded Derby, or PostgreSQL when {@code tally.db.url} says so: see
 * {@link DatabaseChoice}.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATASOURCE,
        className = "coop.tally.platform.ConfiguredDataSource",
        minPoolSize = 4,
        maxPoolSize = 64,
        isolationLevel = java.sql.Connection.TRANSACTION_READ_COMMITTED,
        // each pooled connection keeps its prepared statements: a posting runs the same twenty-odd
        // statements every time, and preparing them anew costs more than running some of them (the
        // blank cache type means the default LRU cache: an unset type is read as the class "null")
        properties = {"fish.payara.statement-cache-size=64", "fish.payara.statement-cache-type= "})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATASOURCE = "java:app/jdbc/tally";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile String schemaVersion;

    @PostConstruct
    void migrate() {
        if (!java.util.TimeZone.getDefault().getID().equals("UTC")) {
            LOG.warning("The JVM time zone is " + java.util.TimeZone.getDefault().getID()
                    + "; run Tally with -Duser.timezone=UTC so stored timestamps are unambiguous.");
        }
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .baselineOnMigrate(false)
                .load()
                .migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        tuneDerbyLocking();
        LOG.info(() -> "Schema at version " + schemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
        try (StartLock oneServerAtATime = StartLock.take(dataSource, DatabaseChoice.configured().kind())) {
            schemaReady.fire(new SchemaReady(schemaVersion));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not take or give back the start-up lock", e);
        }
    }

    /**
     * Derby waits 60 s for a lock and 20 s before looking for a deadlock. Postings lock their
     * accounts in a fixed order, so a long wait means something is wrong: give up sooner, and the
     * client gets a clean 503 to retry instead of a request hanging for a minute.
     */
    private void tuneDerbyLocking() {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().contains("Derby")) {
                return;
            }
            try (java.sql.CallableStatement set = connection.prepareCall(
                    "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
                set.setString(1, "derby.locks.waitTimeout");
                set.setString(2, "15");
                set.execute();
                set.setString(1, "derby.locks.deadlockTimeout");
                set.setString(2, "5");
                set.execute();
            }
        } catch (java.sql.SQLException e) {
            LOG.warning("Could not set Derby's lock timeouts: " + e.getMessage());
        }
    }

    /** The applied schema version, or null until migrations ran. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
