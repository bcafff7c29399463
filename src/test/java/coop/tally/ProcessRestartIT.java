package coop.tally;

import coop.tally.support.Folders;
import coop.tally.support.TallyProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crash and a restart on the same on-disk data folder: the server comes back ready and finds
 * its schema in place instead of applying it again. Runs Payara Micro as a plain child process
 * (no Arquillian), because Arquillian cannot kill a server and start it on the same files.
 */
class ProcessRestartIT {

    private static final Pattern SCHEMA_VERSION = Pattern.compile("\"schemaVersion\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void comes_back_after_kill_9_without_reapplying_the_schema() throws Exception {
        Path data = Folders.recreate(Path.of("target", "restart-it-data"));
        String versionBefore;
        Instant killedAt;
        try (TallyProcess tally = TallyProcess.on(data)
                .demoMembers(10)
                .jvmOptions("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .logs(Path.of("target"), "restart-it")
                .start()) {
            versionBefore = schemaVersion(tally.health());
            assertNotNull(versionBefore, "health names no schemaVersion: " + tally.health());

            tally.kill9();
            assertFalse(tally.isAlive(), "still running after kill -9");
            killedAt = Instant.now();

            tally.start();
            String versionAfter = schemaVersion(tally.health());
            assertEquals(versionBefore, versionAfter, "schema version changed across the restart");
        }
        // Only now (server stopped) may this JVM open the embedded database.
        assertEquals(0, migrationsInstalledSince(data.resolve("db"), killedAt),
                "the restart applied migrations again");
        assertTrue(migrationsInstalledSince(data.resolve("db"), Instant.EPOCH) > 0,
                "no migrations recorded at all");
    }

    private static String schemaVersion(String health) {
        if (health == null) {
            return null;
        }
        Matcher matcher = SCHEMA_VERSION.matcher(health);
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * Rows Flyway wrote to its history table at or after {@code since}. Derby keeps the server's
     * local time, which TallyProcess sets to UTC, so the bound is given as a UTC wall-clock time.
     */
    private static int migrationsInstalledSince(Path database, Instant since) throws SQLException {
        System.setProperty("derby.stream.error.file", "target/restart-it-derby.log");
        String url = "jdbc:derby:" + database.toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"installed_on\" >= ?")) {
            query.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(since, ZoneOffset.UTC)));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } finally {
            shutDown(url);
        }
    }

    /** Releases the database files so that a later run may delete them. */
    private static void shutDown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a successful single-database shutdown as SQLState 08006.
        }
    }
}
