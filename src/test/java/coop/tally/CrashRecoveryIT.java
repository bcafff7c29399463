package coop.tally;

import coop.tally.posting.Calls;
import coop.tally.support.Api;
import coop.tally.support.Folders;
import coop.tally.support.MemberFiles;
import coop.tally.support.TallyProcess;
import coop.tally.support.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A crash while clients post, and a restart on the same on-disk data folder: every posting that
 * was answered 201 is there exactly once, a request in flight at the crash is either there once
 * or not at all (its Idempotency-Key settles which), the ledger invariants hold, and the schema is
 * found in place rather than applied again. Runs Payara Micro as a plain child process (no
 * Arquillian), because Arquillian cannot kill a server and start it again on the same files.
 */
class CrashRecoveryIT {

    private static final Pattern SCHEMA_VERSION = Pattern.compile("\"schemaVersion\"\\s*:\\s*\"([^\"]+)\"");
    private static final int CLIENTS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;

    /** One transfer request as a client sent it, and what it learned. */
    private record Sent(int client, String key, String body, String from, String to, Long entryId) {
    }

    @Test
    void kill_9_while_clients_post_loses_no_acknowledged_posting_and_duplicates_none() throws Exception {
        Path data = Folders.recreate(Path.of("target", "crash-it-data"));
        String versionBefore;
        Instant killedAt;
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> initialBalances = new HashMap<>();
        List<String[]> pairs = new ArrayList<>();
        try (TallyProcess tally = TallyProcess.on(data)
                .demoMembers(20)
                .jvmOptions("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .logs(Path.of("target"), "crash-it")
                .start()) {
            versionBefore = schemaVersion(tally.health());
            assertNotNull(versionBefore, "health names no schemaVersion: " + tally.health());
            Api supervisor = Api.at(tally.baseUri().toURL()).signIn("super1");
            Api admin = Api.at(tally.baseUri().toURL()).signIn("admin1");
            Calls calls = new Calls(supervisor, admin);
            List<Integer> members = new ArrayList<>();
            for (int number = 100003; number <= 100020 && pairs.size() < CLIENTS; number++) {
                String[] pair = MemberFiles.activeShareAndDraft(supervisor.get("api/members/" + number).json());
                if (pair != null) {
                    pairs.add(pair);
                    members.add(number);
                    initialBalances.putAll(balances(supervisor, number));
                }
            }
            assertEquals(CLIENTS, pairs.size(), "demo data has members with an active share and draft");

            // One rep per client (a rep holds one call at a time), each in a call verified for its member.
            List<Api> reps = new ArrayList<>();
            List<String> callIds = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                String username = "crash" + client;
                assertEquals(201, admin.post("api/staff", "{\"username\":\"" + username + "\",\"displayName\":\"Crash "
                        + client + "\",\"roles\":[\"REP\"],\"password\":\"" + Api.DEMO_PASSWORD + "\"}").status());
                Api rep = Api.at(tally.baseUri().toURL()).signIn(username);
                reps.add(rep);
                callIds.add(calls.verifiedCall(rep, members.get(client).toString(), "BASIC"));
                assertNotNull(callIds.get(client), "a verified call for member " + members.get(client));
            }

            AtomicBoolean serverGone = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int client = 0; client < CLIENTS; client++) {
                int c = client;
                clients.submit(() -> postUntilTheServerDies(c, reps.get(c), callIds.get(c), pairs.get(c), sent, serverGone));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged(sent) < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            tally.kill9();
            killedAt = Instant.now();
            serverGone.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(90, TimeUnit.SECONDS), "clients stopped after the crash");
            assertFalse(tally.isAlive(), "still running after kill -9");
            assertTrue(acknowledged(sent) >= ACKNOWLEDGED_BEFORE_KILL, "postings were answered before the crash");

            tally.start();
            assertEquals(versionBefore, schemaVersion(tally.health()), "schema version changed across the restart");
            List<Api> repsAgain = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                repsAgain.add(Api.at(tally.baseUri().toURL()).signIn("crash" + client));
            }
            Api auditor = Api.at(tally.baseUri().toURL()).signIn("audit1");

            // Every acknowledged posting is there, with its lines, under the id it was answered with.
            for (Sent request : sent) {
                if (request.entryId() != null) {
                    Api.Reply entry = auditor.get("api/transactions/" + request.entryId());
                    assertEquals(200, entry.status(), "acknowledged entry " + request.entryId() + " lost: " + entry);
                    assertEquals(request.from(), entry.json().getJsonArray("lines").getJsonObject(0).getString("account"));
                    assertEquals(request.to(), entry.json().getJsonArray("lines").getJsonObject(1).getString("account"));
                }
            }
            // Sending every request again with its key settles it: answered ones replay their entry,
            // those in flight at the crash replay if they committed or post now if they did not.
            Set<Long> entryIds = new HashSet<>();
            Map<String, Integer> postingsPerAccount = new HashMap<>();
            Map<String, Long> netCents = new HashMap<>();
            for (Sent request : List.copyOf(sent)) {
                Api.Reply again = repsAgain.get(request.client()).post("api/transactions", request.body(), Map.of("Idempotency-Key", request.key()));
                assertEquals(201, again.status(), again.toString());
                long id = again.json().getJsonObject("entry").getJsonNumber("id").longValue();
                if (request.entryId() != null) {
                    assertEquals("true", again.header("Idempotent-Replayed"), "an acknowledged posting posted again");
                    assertEquals(request.entryId().longValue(), id, "replay answered with another entry");
                }
                assertTrue(entryIds.add(id), "two requests share entry " + id);
                postingsPerAccount.merge(request.from(), 1, Integer::sum);
                postingsPerAccount.merge(request.to(), 1, Integer::sum);
                netCents.merge(request.from(), -100L, Long::sum);
                netCents.merge(request.to(), 100L, Long::sum);
            }
            // Nothing else was posted: each account's history holds exactly these transfers and its
            // balance moved by exactly their amounts.
            for (String[] pair : pairs) {
                for (String account : pair) {
                    JsonObject history = auditor.get("api/accounts/" + account + "/history?size=200").json();
                    long transfers = history.getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                            .filter(entry -> entry.getString("type").equals("TRANSFER")).count();
                    assertEquals(postingsPerAccount.getOrDefault(account, 0).longValue(), transfers, account);
                    long expected = new java.math.BigDecimal(initialBalances.get(account)).movePointRight(2).longValueExact()
                            + netCents.getOrDefault(account, 0L);
                    assertEquals(java.math.BigDecimal.valueOf(expected, 2).toPlainString(), history.getString("ledgerBalance"), account);
                }
            }
            JsonObject invariants = auditor.get("api/ledger/invariants").json();
            assertTrue(invariants.getBoolean("ok"), invariants.toString());
        }
        // Only now (server stopped) may this JVM open the embedded database.
        assertEquals(0, migrationsInstalledSince(data, killedAt), "the restart applied migrations again");
        assertTrue(migrationsInstalledSince(data, Instant.EPOCH) > 0, "no migrations recorded at all");
    }

    /**
     * The business day open at the first start is signed at once; a data folder from before row MACs
     * (no key file, no MACs) keeps verifying; and an entry inserted by SQL while the server is stopped,
     * for the previous business day, posted "in a few minutes" and with the balance raised to match,
     * is not sealed on restart, and verify and the offline verifier both name it.
     */
    @Test
    void rows_written_while_the_server_is_stopped_are_named_and_older_data_folders_keep_verifying() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "written against Derby's files with the server stopped; on PostgreSQL"
                + " AuditIT inserts an entry and a log row behind Tally's back while it runs");
        Path data = Folders.recreate(Path.of("target", "authenticity-it-data"));
        String url = "jdbc:derby:" + data.resolve("db").toAbsolutePath();
        try (TallyProcess tally = TallyProcess.on(data)
                .demoMembers(5)
                .jvmOptions("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .logs(Path.of("target"), "authenticity-it")
                .start()) {
            Api auditor = Api.at(tally.baseUri().toURL()).signIn("audit1");
            assertTrue(reasons(auditor).contains("BUSINESS_DAY"), "the first day is signed at the first start: " + reasons(auditor));
            assertVerifies(auditor);

            // a data folder as it was before row MACs: no key file, no MAC rows, no key fingerprints
            tally.stop();
            Files.delete(data.resolve("keys").resolve("row-mac.key"));
            execute(url, "DELETE FROM row_mac");
            execute(url, "DELETE FROM key_fingerprint");
            tally.start();
            auditor = Api.at(tally.baseUri().toURL()).signIn("audit1");
            assertTrue(reasons(auditor).contains("MAC_KEY_CREATED"), reasons(auditor).toString());
            assertVerifies(auditor);

            Api admin = Api.at(tally.baseUri().toURL()).signIn("admin1");
            Api.Reply advanced = admin.post("api/business-date/advance", "");
            assertEquals(200, advanced.status(), advanced.toString());
            String previous = advanced.json().getString("previousBusinessDate");
            tally.stop();
            long forged = insertDeposit(url, previous, Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MICROS),
                    new BigDecimal("500.00"));
            tally.start();

            auditor = Api.at(tally.baseUri().toURL()).signIn("audit1");
            TimeUnit.SECONDS.sleep(3);
            assertEquals(404, auditor.get("api/audit/entries/" + forged + "/inclusion").status(), "the forged entry has no leaf");
            JsonObject verify = auditor.post("api/audit/verify", "").json();
            assertFalse(verify.getBoolean("ok"), verify.toString());
            Set<String> named = verify.getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                    .filter(p -> p.containsKey("entryId") && p.getJsonNumber("entryId").longValue() == forged)
                    .map(p -> p.getString("kind")).collect(Collectors.toSet());
            assertEquals(Set.of("ENTRY_NOT_AUTHENTIC", "ENTRY_BACKDATED_WITHOUT_APPROVAL"), named, verify.toString());

            HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(tally.baseUri().resolve(
                            "api/audit/export?from=" + previous + "&to=" + previous))
                    .header("Accept", "application/x-ndjson").header("Authorization", "Bearer " + auditor.token())
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, export.statusCode(), export.body());
            Path file = Path.of("target", "authenticity-it-export.jsonl");
            Files.writeString(file, export.body(), StandardCharsets.UTF_8);
            Process verifier = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "src/main/verifier/TallyVerify.java", file.toString()).redirectErrorStream(true).start();
            String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(verifier.waitFor(120, TimeUnit.SECONDS), "verifier finished");
            assertEquals(1, verifier.exitValue(), output);
            assertTrue(output.startsWith("MISMATCH: entry " + forged + " has no leaf"), output);
        }
    }

    private static Set<String> reasons(Api auditor) {
        return auditor.get("api/audit/checkpoints").json().getJsonArray("checkpoints").getValuesAs(JsonObject.class)
                .stream().map(c -> c.getString("reason")).collect(Collectors.toSet());
    }

    /** Verify is clean once every row so far is sealed (within the sealer's second or two). */
    private static void assertVerifies(Api auditor) throws InterruptedException {
        JsonObject verify = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            verify = auditor.post("api/audit/verify", "").json();
            if (verify.getBoolean("ok") && verify.getJsonNumber("entriesChecked").longValue()
                    == verify.getJsonNumber("leavesChecked").longValue()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError("verify is not clean: " + verify);
    }

    /** With the server stopped: a deposit of {@code amount} into a member's share, its balance raised to match. */
    private static long insertDeposit(String url, String businessDate, Instant postedAt, BigDecimal amount) throws SQLException {
        System.setProperty("derby.stream.error.file", "target/authenticity-it-derby.log");
        try (Connection connection = DriverManager.getConnection(url)) {
            long accountId;
            String accountNumber;
            try (PreparedStatement query = connection.prepareStatement("SELECT id, account_number FROM member_account"
                    + " WHERE account_type = 'SHARE' AND status = 'ACTIVE' ORDER BY id FETCH FIRST 1 ROWS ONLY");
                 ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "a share account");
                accountId = rows.getLong(1);
                accountNumber = rows.getString(2);
            }
            long entryId;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO journal_entry (entry_type, business_date,"
                    + " posted_at, posted_by, memo) VALUES ('DEPOSIT', ?, ?, 'rep1', 'cash')", Statement.RETURN_GENERATED_KEYS)) {
                insert.setDate(1, java.sql.Date.valueOf(businessDate));
                // Derby keeps the server's local time, which TallyProcess sets to UTC
                insert.setTimestamp(2, Timestamp.valueOf(LocalDateTime.ofInstant(postedAt, ZoneOffset.UTC)));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    entryId = keys.getLong(1);
                }
            }
            try (PreparedStatement line = connection.prepareStatement("INSERT INTO journal_line (entry_id, line_no,"
                    + " account_kind, account_ref, member_account_id, gl_code, side, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                line.setLong(1, entryId);
                line.setInt(2, 1);
                line.setString(3, "G");
                line.setString(4, "2900");
                line.setNull(5, java.sql.Types.BIGINT);
                line.setString(6, "2900");
                line.setString(7, "D");
                line.setBigDecimal(8, amount);
                line.executeUpdate();
                line.setInt(2, 2);
                line.setString(3, "M");
                line.setString(4, accountNumber);
                line.setLong(5, accountId);
                line.setNull(6, java.sql.Types.VARCHAR);
                line.setString(7, "C");
                line.executeUpdate();
            }
            try (PreparedStatement raise = connection.prepareStatement("UPDATE member_account SET ledger_balance ="
                    + " ledger_balance + ?, available_balance = available_balance + ? WHERE id = ?")) {
                raise.setBigDecimal(1, amount);
                raise.setBigDecimal(2, amount);
                raise.setLong(3, accountId);
                raise.executeUpdate();
            }
            return entryId;
        } finally {
            shutDown(url);
        }
    }

    private static void execute(String url, String statement) throws SQLException {
        System.setProperty("derby.stream.error.file", "target/authenticity-it-derby.log");
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.executeUpdate(statement);
        } finally {
            shutDown(url);
        }
    }

    private static void postUntilTheServerDies(int client, Api rep, String callId, String[] pair, List<Sent> sent,
                                               AtomicBoolean serverGone) {
        boolean forward = true;
        while (!serverGone.get()) {
            String from = forward ? pair[0] : pair[1];
            String to = forward ? pair[1] : pair[0];
            forward = !forward;
            String key = UUID.randomUUID().toString();
            String body = "{\"type\":\"TRANSFER\",\"fromAccount\":\"" + from + "\",\"toAccount\":\"" + to
                    + "\",\"amount\":\"1.00\",\"memo\":\"crash test\",\"sessionId\":\"" + callId + "\"}";
            try {
                Api.Reply reply = rep.post("api/transactions", body, Map.of("Idempotency-Key", key));
                if (reply.status() == 201) {
                    sent.add(new Sent(client, key, body, from, to, reply.json().getJsonObject("entry").getJsonNumber("id").longValue()));
                } else {
                    sent.add(new Sent(client, key, body, from, to, null));
                    return;
                }
            } catch (RuntimeException connectionLost) {
                sent.add(new Sent(client, key, body, from, to, null));
                return;
            }
        }
    }

    private static long acknowledged(List<Sent> sent) {
        synchronized (sent) {
            return sent.stream().filter(request -> request.entryId() != null).count();
        }
    }

    private static Map<String, String> balances(Api supervisor, int memberNumber) {
        Map<String, String> balances = new HashMap<>();
        for (JsonValue value : supervisor.get("api/members/" + memberNumber).json().getJsonArray("accounts")) {
            JsonObject account = value.asJsonObject();
            balances.put(account.getString("accountNumber"), account.getString("ledgerBalance"));
        }
        return balances;
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
     * local time, which TallyProcess sets to UTC, and the test PostgreSQL runs in UTC, so the bound
     * is given as a UTC wall-clock time.
     */
    private static int migrationsInstalledSince(Path data, Instant since) throws SQLException {
        System.setProperty("derby.stream.error.file", "target/crash-it-derby.log");
        String url = "jdbc:derby:" + data.resolve("db").toAbsolutePath();
        try (Connection connection = TestDatabase.connect(data);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"installed_on\" >= ?")) {
            query.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(since, ZoneOffset.UTC)));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } finally {
            if (!TestDatabase.isPostgres()) {
                shutDown(url);
            }
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
