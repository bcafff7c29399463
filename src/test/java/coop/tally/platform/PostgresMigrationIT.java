package coop.tally.platform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import coop.tally.support.ThrowawayPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same migrations that build the Derby schema build it on PostgreSQL, and its constraints
 * hold there too. Starts a throw-away PostgreSQL server from the machine's own binaries; skipped
 * where PostgreSQL is not installed.
 */
class PostgresMigrationIT {

    private static ThrowawayPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = ThrowawayPostgres.start().orElse(null);
        assumeTrue(postgres != null, "PostgreSQL server binaries not installed; skipping");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void every_migration_runs_on_postgresql_and_its_constraints_hold() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[]{"127.0.0.1"});
        dataSource.setPortNumbers(new int[]{postgres.port()});
        dataSource.setUser("postgres");
        dataSource.setDatabaseName("postgres");

        MigrateResult result = Flyway.configure().dataSource(dataSource)
                .locations("filesystem:sql").load().migrate();
        assertEquals(countMigrations(), result.migrationsExecuted);

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM gl_account WHERE code = '3900'")) {
                rows.next();
                assertEquals(1, rows.getInt(1), "the chart of accounts is seeded");
            }
            sql.executeUpdate("INSERT INTO journal_entry (entry_type, business_date, posted_at, posted_by)"
                    + " VALUES ('DEPOSIT', DATE '2026-11-23', CURRENT_TIMESTAMP, 'rep1')");
            assertThrows(java.sql.SQLException.class, () -> sql.executeUpdate(
                    "INSERT INTO journal_line (entry_id, line_no, account_kind, account_ref, gl_code, side, amount)"
                            + " SELECT MAX(id), 1, 'G', '1100', '1100', 'D', -5.00 FROM journal_entry"),
                    "a journal line's amount must be positive");
        }
    }

    private static long countMigrations() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sql"))) {
            return files.filter(path -> path.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }
}
