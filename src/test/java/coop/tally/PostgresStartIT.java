package coop.tally;

import coop.tally.support.Api;
import coop.tally.support.Folders;
import coop.tally.support.TallyProcess;
import coop.tally.support.ThrowawayPostgres;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code tally.db.url} pointing at PostgreSQL: Tally starts there with demo data, serves the README's
 * walk-through, verifies its ledger, and finds it all again after a restart. The database is
 * PostgreSQL's alone: nothing is written to a Derby database in the data folder.
 */
class PostgresStartIT {

    private static final String PASSWORD = "pg-Pa55-" + Long.toHexString(System.nanoTime());

    private static ThrowawayPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = ThrowawayPostgres.start().orElse(null);
        assumeTrue(postgres != null, "PostgreSQL server binaries not installed; skipping");
        postgres.createRole("tally", PASSWORD);
        postgres.createDatabase("tally", "tally");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void tally_runs_on_postgresql_when_its_url_says_so() throws Exception {
        Path data = Folders.recreate(Path.of("target", "postgres-start-data"));
        try (TallyProcess tally = TallyProcess.on(data)
                .demoMembers(20)
                .jvmOptions("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dtally.db.url=" + postgres.url("tally"), "-Dtally.db.user=tally", "-Dtally.db.password=" + PASSWORD)
                .logs(Path.of("target"), "postgres-start")
                .start()) {
            List<String> output = FirstStartIT.runWalkThrough(tally.baseUri());
            assertTrue(output.get(2).contains("\"type\":\"TRANSFER\""), "the README's transfer posts: " + output);
            String shareAfterWalkThrough = balanceOf(tally, "100001-S00");

            try (Connection connection = postgres.connect("tally"); Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM journal_entry WHERE entry_type = 'TRANSFER'")) {
                rows.next();
                assertEquals(1, rows.getInt(1), "the transfer is a row of PostgreSQL's journal");
            }
            assertFalse(Files.exists(data.resolve("db")), "no Derby database is created beside it");

            tally.restart();
            assertEquals(shareAfterWalkThrough, balanceOf(tally, "100001-S00"), "the balance survives a restart");
            Api auditor = Api.at(tally.baseUri().toURL()).signIn("audit1");
            JsonObject verify = auditor.post("api/audit/verify", "{}").json();
            assertTrue(verify.getBoolean("ok"), verify.toString());
            assertTrue(verify.getInt("entriesChecked") > 20, "the demo members' opening entries and the transfer: " + verify);
            JsonObject invariants = auditor.get("api/ledger/invariants").json();
            assertTrue(invariants.getBoolean("ok"), invariants.toString());

            String log = Files.readString(tally.logFile(), StandardCharsets.UTF_8);
            assertTrue(log.contains("Database: POSTGRESQL at " + postgres.url("tally") + " as tally"), "the log names the database");
            for (Path file : List.of(tally.logFile(), Path.of("target", "postgres-start-1.log"))) {
                assertFalse(Files.readString(file, StandardCharsets.UTF_8).contains(PASSWORD), "no log holds the password: " + file);
            }
        }
    }

    private static String balanceOf(TallyProcess tally, String account) throws Exception {
        JsonObject member = Api.at(tally.baseUri().toURL()).signIn("audit1").get("api/members/100001").json();
        return member.getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("accountNumber").equals(account))
                .findFirst().orElseThrow().getString("ledgerBalance");
    }
}
