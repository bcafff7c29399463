package coop.tally.platform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static Path folder;
    private static Path bin;
    private static int port;

    @BeforeAll
    static void startPostgres() throws Exception {
        bin = findPostgresBin();
        assumeTrue(bin != null, "PostgreSQL server binaries not installed; skipping");
        folder = Files.createTempDirectory(Path.of("target"), "pg-");
        port = freePort();
        boolean root = "root".equals(System.getProperty("user.name"));
        // PostgreSQL refuses to run as root: run it as the 'postgres' account the package creates.
        if (root) {
            run(false, "chown", "-R", "postgres", folder.toAbsolutePath().toString());
        }
        run(root, bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-A", "trust", "-U", "postgres");
        run(root, bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-w", "-l",
                folder.resolve("log").toString(), "-o", "-p " + port + " -k " + folder.toAbsolutePath() + " -h 127.0.0.1", "start");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (folder != null) {
            run("root".equals(System.getProperty("user.name")), bin.resolve("pg_ctl").toString(), "-D",
                    folder.resolve("data").toString(), "-m", "immediate", "stop");
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void every_migration_runs_on_postgresql_and_its_constraints_hold() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[]{"127.0.0.1"});
        dataSource.setPortNumbers(new int[]{port});
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

    private static Path findPostgresBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                    .max(Comparator.naturalOrder()).orElse(null);
        }
    }

    private static void run(boolean asPostgres, String... command) throws Exception {
        List<String> line = asPostgres
                ? List.of("su", "postgres", "-c", String.join(" ", quoted(command)))
                : List.of(command);
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "postgres-test.log").toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Command failed: " + line + " (see target/postgres-test.log)");
        }
    }

    private static List<String> quoted(String... parts) {
        return Stream.of(parts).map(part -> "'" + part.replace("'", "'\\''") + "'").toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
