package coop.tally.backup;

import coop.tally.audit.Merkle;
import coop.tally.posting.Calls;
import coop.tally.support.Api;
import coop.tally.support.Folders;
import coop.tally.support.MemberFiles;
import coop.tally.support.TallyProcess;
import coop.tally.support.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The README's restore drill, run while clients post: ADMIN backs up the running Tally, the backup's
 * database folder and the keys are copied into a fresh data folder, and a Tally started there
 * verifies its ledger, holds a prefix of the live ledger's checkpoints (a consistency proof from the
 * live server leads from the restored tree to the live one) and every posting acknowledged before
 * the backup began. Prints the drill's timings (also in {@code target/backup-drill.txt}).
 *
 * <p>Derby's: on PostgreSQL Tally refuses the backup and pg_dump does it (README), which is checked
 * here before the drill is skipped.
 */
class BackupIT {

    private static final int CLIENTS = 2;
    private static final int ACKNOWLEDGED_BEFORE_BACKUP = 30;
    private static final int ACKNOWLEDGED_AFTER_BACKUP = 20;
    private static final HexFormat HEX = HexFormat.of();

    /** A transfer that was answered 201, in the order the answers came. */
    private record Acknowledged(long entryId, String from, String to) {
    }

    @Test
    void a_backup_taken_while_clients_post_restores_into_a_fresh_folder_that_verifies_and_holds_every_acknowledged_posting()
            throws Exception {
        Path live = Folders.recreate(Path.of("target", "backup-it-data"));
        Path fresh = Folders.recreate(Path.of("target", "backup-it-restored"));
        List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<Acknowledged> beforeBackup;
        JsonObject backup;
        double backupSeconds;
        List<JsonObject> liveCheckpoints;
        Map<Long, JsonObject> proofsToNewest = new LinkedHashMap<>();
        try (TallyProcess tally = TallyProcess.on(live)
                .demoMembers(20)
                .jvmOptions("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .logs(Path.of("target"), "backup-it")
                .start()) {
            Api admin = Api.at(tally.baseUri().toURL()).signIn("admin1");
            if (TestDatabase.isPostgres()) {
                Api.Reply refused = admin.send("POST", "api/admin/backups", null, null);
                assertEquals(409, refused.status(), refused.toString());
                assertEquals("BACKUP_NOT_AVAILABLE", refused.code());
                assertTrue(refused.json().getString("detail").contains("pg_dump"), refused.toString());
            }
            assumeFalse(TestDatabase.isPostgres(), "Derby's online backup; on PostgreSQL pg_dump backs Tally up (README)");
            badRequestsChangeNothing(tally, live, admin);

            Api supervisor = Api.at(tally.baseUri().toURL()).signIn("super1");
            Calls calls = new Calls(supervisor, admin);
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> posting = new ArrayList<>();
            int client = 0;
            for (int number = 100003; number <= 100020 && client < CLIENTS; number++) {
                String[] pair = MemberFiles.activeShareAndDraft(supervisor.get("api/members/" + number).json());
                if (pair == null) {
                    continue;
                }
                String username = "backup" + client;
                assertEquals(201, admin.post("api/staff", "{\"username\":\"" + username + "\",\"displayName\":\"Backup "
                        + client + "\",\"roles\":[\"REP\"],\"password\":\"" + Api.DEMO_PASSWORD + "\"}").status());
                Api rep = Api.at(tally.baseUri().toURL()).signIn(username);
                String callId = calls.verifiedCall(rep, Integer.toString(number), "BASIC");
                assertNotNull(callId, "a verified call for member " + number);
                posting.add(clients.submit(() -> postUntilStopped(rep, callId, pair, acknowledged, stop)));
                client++;
            }
            assertEquals(CLIENTS, client, "demo data has members with an active share and draft");

            awaitAcknowledged(acknowledged, ACKNOWLEDGED_BEFORE_BACKUP);
            // what was acknowledged before the backup call began; postings go on while it runs
            beforeBackup = List.copyOf(acknowledged);
            long began = System.nanoTime();
            Api.Reply taken = admin.send("POST", "api/admin/backups", null, null);
            backupSeconds = (System.nanoTime() - began) / 1e9;
            assertEquals(201, taken.status(), taken.toString());
            backup = taken.json();
            awaitAcknowledged(acknowledged, acknowledged.size() + ACKNOWLEDGED_AFTER_BACKUP);
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "clients stopped");
            for (Future<?> run : posting) {
                run.get(); // a posting refused while the backup ran fails the test here
            }

            String name = backup.getString("name");
            assertTrue(taken.header("Location").endsWith("/api/admin/backups/" + name), taken.toString());
            assertEquals("backups/" + name, backup.getString("folder"));
            assertEquals("db", backup.getString("database"));
            assertEquals("admin1", backup.getString("takenBy"));
            JsonObject listed = admin.get("api/admin/backups").json().getJsonArray("items").getJsonObject(0);
            assertEquals(name, listed.getString("name"));
            assertTrue(listed.getBoolean("complete"), listed.toString());
            assertTrue(listed.getJsonNumber("sizeBytes").longValue() > 0, listed.toString());
            assertEquals(backup.getJsonObject("checkpoint"), admin.get("api/admin/backups/" + name).json().getJsonObject("checkpoint"));
            assertTrue(Files.isRegularFile(live.resolve("backups").resolve(name).resolve("db").resolve("service.properties")));
            Api auditor = Api.at(tally.baseUri().toURL()).signIn("audit1");
            JsonArray taking = auditor.get("api/security-log?type=BACKUP_TAKEN").array();
            assertEquals(1, taking.size(), taking.toString());
            assertEquals("admin1", taking.getJsonObject(0).getString("actor"));
            assertEquals(name, taking.getJsonObject(0).getString("subject"));

            // the live ledger goes on past the backup: a newer checkpoint, and a proof from each older one to it
            assertEquals(201, auditor.post("api/audit/checkpoints", "").status());
            liveCheckpoints = checkpoints(auditor);
            for (JsonObject checkpoint : liveCheckpoints.subList(0, liveCheckpoints.size() - 1)) {
                Api.Reply proof = auditor.get("api/audit/consistency?tree=journal&first=" + checkpoint.getJsonNumber("id"));
                assertEquals(200, proof.status(), proof.toString());
                proofsToNewest.put(checkpoint.getJsonNumber("id").longValue(), proof.json());
            }
        }

        // The drill: a fresh data folder with the backup's database and the keys, and a Tally on it.
        String name = backup.getString("name");
        long restoreBegan = System.nanoTime();
        copyFolder(live.resolve("backups").resolve(name).resolve(backup.getString("database")), fresh.resolve("db"));
        copyFolder(live.resolve("keys"), fresh.resolve("keys"));
        double restoreSeconds = (System.nanoTime() - restoreBegan) / 1e9;
        assertEverythingSealedWithinSeconds(fresh);
        try (TallyProcess restored = TallyProcess.on(fresh)
                .demoMembers(20)
                .jvmOptions("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .logs(Path.of("target"), "backup-it-restored")
                .start()) {
            Duration ready = restored.lastStartDuration();
            Api auditor = Api.at(restored.baseUri().toURL()).signIn("audit1");
            long verifyBegan = System.nanoTime();
            JsonObject verify = awaitCleanVerify(auditor);
            double verifySeconds = (System.nanoTime() - verifyBegan) / 1e9;

            // the restored checkpoints are the live ones up to the backup's, which is the newest the copy holds
            long backupCheckpoint = backup.getJsonObject("checkpoint").getJsonNumber("id").longValue();
            List<JsonObject> restoredCheckpoints = checkpoints(auditor);
            List<JsonObject> livePrefix = liveCheckpoints.stream()
                    .filter(c -> c.getJsonNumber("id").longValue() <= backupCheckpoint).toList();
            assertEquals(livePrefix, restoredCheckpoints, "the restored checkpoints are the live ones up to the backup's");
            JsonObject newest = restoredCheckpoints.get(restoredCheckpoints.size() - 1);
            assertEquals("BACKUP", newest.getString("reason"));
            assertEquals(backup.getJsonObject("checkpoint").getString("rootHash"), newest.getString("rootHash"));
            JsonObject liveNewest = liveCheckpoints.get(liveCheckpoints.size() - 1);
            JsonObject proof = proofsToNewest.get(backupCheckpoint);
            assertTrue(proof.getBoolean("verified"), proof.toString());
            assertTrue(newest.getJsonNumber("treeSize").longValue() < liveNewest.getJsonNumber("treeSize").longValue(),
                    "the live ledger grew after the backup");
            assertTrue(Merkle.verifyConsistency(newest.getJsonNumber("treeSize").longValue(),
                    liveNewest.getJsonNumber("treeSize").longValue(), HEX.parseHex(newest.getString("rootHash")),
                    HEX.parseHex(liveNewest.getString("rootHash")), hexes(proof.getJsonArray("path"))),
                    "the restored tree is a prefix of the live one: " + proof);

            // every posting acknowledged before the backup began is there, as it was answered, and in the backup's checkpoint
            for (Acknowledged posting : beforeBackup) {
                assertSameEntry(auditor, posting, true);
            }
            Acknowledged last = beforeBackup.get(beforeBackup.size() - 1);
            Api.Reply inclusion = auditor.get("api/audit/entries/" + last.entryId() + "/inclusion?checkpoint=" + backupCheckpoint);
            assertEquals(200, inclusion.status(), inclusion.toString());
            assertTrue(inclusion.json().getBoolean("verified"), inclusion.toString());
            // those acknowledged while or after it ran are there as answered, or not at all
            int later = 0;
            for (Acknowledged posting : acknowledged.subList(beforeBackup.size(), acknowledged.size())) {
                later += assertSameEntry(auditor, posting, false) ? 1 : 0;
            }
            JsonObject invariants = Api.at(restored.baseUri().toURL()).signIn("super1").get("api/ledger/invariants").json();
            assertTrue(invariants.getBoolean("ok"), invariants.toString());

            JsonObject timings = backup.getJsonObject("timings");
            String report = String.format("Restore drill (Derby): backup %.2f s as the client saw it (server: checkpoint %d ms,"
                            + " online copy %d ms, sealing the copy %d ms, total %d ms; %d leaves sealed in the copy; %d bytes);"
                            + " restore (copying db and keys) %.2f s; restored Tally ready in %.1f s; verify %.2f s over %d"
                            + " entries; %d postings acknowledged before the backup, %d of the %d acknowledged while or after"
                            + " it ran are in it%n",
                    backupSeconds, timings.getJsonNumber("checkpointMillis").longValue(),
                    timings.getJsonNumber("copyMillis").longValue(), timings.getJsonNumber("sealMillis").longValue(),
                    timings.getJsonNumber("totalMillis").longValue(), backup.getJsonNumber("sealedInCopy").longValue(),
                    sizeOf(live.resolve("backups").resolve(name)), restoreSeconds, ready.toMillis() / 1000.0, verifySeconds,
                    verify.getJsonNumber("entriesChecked").longValue(), beforeBackup.size(), later,
                    acknowledged.size() - beforeBackup.size());
            System.out.print(report);
            Files.writeString(Path.of("target", "backup-drill.txt"), report, StandardCharsets.UTF_8);
        }
    }

    /**
     * The copy holds no unsealed entry or log row, and no entry sealed late: restored a minute or a
     * month after the backup, it verifies the same (read from its files before any Tally opens them).
     */
    private static void assertEverythingSealedWithinSeconds(Path data) throws SQLException {
        System.setProperty("derby.stream.error.file", "target/backup-it-derby.log");
        String url = "jdbc:derby:" + data.resolve("db").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            try (ResultSet unsealed = sql.executeQuery("SELECT COUNT(*) FROM journal_entry e WHERE NOT EXISTS"
                    + " (SELECT 1 FROM merkle_leaf l WHERE l.entry_id = e.id)")) {
                unsealed.next();
                assertEquals(0, unsealed.getLong(1), "journal entries without a leaf in the backup");
            }
            for (String log : List.of("call_event", "security_event")) {
                try (ResultSet unsealed = sql.executeQuery("SELECT COUNT(*) FROM " + log + " r WHERE NOT EXISTS"
                        + " (SELECT 1 FROM log_leaf l WHERE l.log_name = '" + log + "' AND l.row_id = r.id)")) {
                    unsealed.next();
                    assertEquals(0, unsealed.getLong(1), log + " rows without a leaf in the backup");
                }
            }
            try (ResultSet leaves = sql.executeQuery("SELECT e.posted_at, l.sealed_at FROM merkle_leaf l"
                    + " JOIN journal_entry e ON e.id = l.entry_id")) {
                Duration latest = Duration.ZERO;
                while (leaves.next()) {
                    Duration late = Duration.between(leaves.getTimestamp(1).toInstant(), leaves.getTimestamp(2).toInstant());
                    latest = late.compareTo(latest) > 0 ? late : latest;
                }
                assertTrue(latest.compareTo(Duration.ofSeconds(30)) < 0, "an entry sealed " + latest + " after its posting");
            }
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException expected) {
                // Derby reports a successful single-database shutdown as SQLState 08006
            }
        }
    }

    /** Refusals answer 4xx problems and leave no backup folder behind. */
    private static void badRequestsChangeNothing(TallyProcess tally, Path data, Api admin) throws IOException {
        Api rep = Api.at(tally.baseUri().toURL()).signIn("rep1");
        Api auditor = Api.at(tally.baseUri().toURL()).signIn("audit1");
        assertEquals(403, rep.post("api/admin/backups", "").status());
        assertEquals(403, auditor.post("api/admin/backups", "").status());
        assertEquals(403, auditor.get("api/admin/backups").status());

        Api.Reply chosen = admin.post("api/admin/backups", "{\"folder\":\"../../../tmp/elsewhere\"}");
        assertEquals(400, chosen.status(), chosen.toString());
        assertEquals("FIELD_UNKNOWN", chosen.code());
        assertEquals("folder", chosen.json().getString("field"));
        Api.Reply malformed = admin.post("api/admin/backups", "/tmp/elsewhere");
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals("MALFORMED_JSON", malformed.code());

        Api.Reply badName = admin.get("api/admin/backups/not-a-backup");
        assertEquals(400, badName.status(), badName.toString());
        assertEquals("BACKUP_NAME_INVALID", badName.code());
        Api.Reply traversal = admin.get("api/admin/backups/..%2Fkeys");
        assertTrue(traversal.status() == 400 || traversal.status() == 404, traversal.toString());
        Api.Reply unknown = admin.get("api/admin/backups/20000101T000000Z");
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals("BACKUP_NOT_FOUND", unknown.code());

        assertEquals(0, admin.get("api/admin/backups").json().getJsonArray("items").size());
        try (Stream<Path> folders = Files.list(data.resolve("backups"))) {
            assertEquals(0, folders.count(), "a refused backup leaves nothing behind");
        }
    }

    /** Whether the entry is on the restored server, with the accounts it was answered with; {@code required}: it must be. */
    private static boolean assertSameEntry(Api auditor, Acknowledged posting, boolean required) {
        Api.Reply entry = auditor.get("api/transactions/" + posting.entryId());
        if (!required && entry.status() == 404) {
            return false;
        }
        assertEquals(200, entry.status(), "entry " + posting.entryId() + ": " + entry);
        JsonArray lines = entry.json().getJsonArray("lines");
        assertEquals(posting.from(), lines.getJsonObject(0).getString("account"), entry.toString());
        assertEquals(posting.to(), lines.getJsonObject(1).getString("account"), entry.toString());
        assertEquals("1.00", lines.getJsonObject(0).getString("amount"), entry.toString());
        return true;
    }

    /** Verify is clean once every row of the restored copy is sealed, which its first sealing pass does. */
    private static JsonObject awaitCleanVerify(Api auditor) throws InterruptedException {
        JsonObject verify = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            verify = auditor.post("api/audit/verify", "").json();
            if (verify.getBoolean("ok") && verify.getJsonNumber("entriesChecked").longValue()
                    == verify.getJsonNumber("leavesChecked").longValue()) {
                return verify;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("the restored ledger does not verify: " + verify);
    }

    private static List<JsonObject> checkpoints(Api auditor) {
        return auditor.get("api/audit/checkpoints").json().getJsonArray("checkpoints").getValuesAs(JsonObject.class);
    }

    private static void postUntilStopped(Api rep, String callId, String[] pair, List<Acknowledged> acknowledged,
                                         AtomicBoolean stop) {
        boolean forward = true;
        while (!stop.get()) {
            String from = forward ? pair[0] : pair[1];
            String to = forward ? pair[1] : pair[0];
            forward = !forward;
            Api.Reply reply = rep.post("api/transactions", "{\"type\":\"TRANSFER\",\"fromAccount\":\"" + from
                    + "\",\"toAccount\":\"" + to + "\",\"amount\":\"1.00\",\"memo\":\"backup drill\",\"sessionId\":\""
                    + callId + "\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(201, reply.status(), reply.toString());
            acknowledged.add(new Acknowledged(reply.json().getJsonObject("entry").getJsonNumber("id").longValue(), from, to));
        }
    }

    private static void awaitAcknowledged(List<Acknowledged> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertTrue(acknowledged.size() >= count, "only " + acknowledged.size() + " postings acknowledged, waited for " + count);
    }

    private static List<byte[]> hexes(JsonArray values) {
        return values.getValuesAs(JsonString.class).stream().map(v -> HEX.parseHex(v.getString())).toList();
    }

    /** What the README's {@code cp -a} does: the folder with everything in it. */
    private static void copyFolder(Path from, Path to) throws IOException {
        assertTrue(Files.isDirectory(from), from + " is missing");
        assertFalse(Files.exists(to), to + " is in the way");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}
