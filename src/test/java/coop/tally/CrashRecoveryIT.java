package coop.tally;

import coop.tally.posting.Calls;
import coop.tally.support.Api;
import coop.tally.support.Folders;
import coop.tally.support.TallyProcess;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                String[] pair = activeShareAndDraft(supervisor.get("api/members/" + number).json());
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
        assertEquals(0, migrationsInstalledSince(data.resolve("db"), killedAt), "the restart applied migrations again");
        assertTrue(migrationsInstalledSince(data.resolve("db"), Instant.EPOCH) > 0, "no migrations recorded at all");
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

    private static String[] activeShareAndDraft(JsonObject member) {
        String share = null;
        String draft = null;
        if (!"ACTIVE".equals(member.getString("status", ""))) {
            return null;
        }
        for (JsonValue value : member.getJsonArray("accounts")) {
            JsonObject account = value.asJsonObject();
            if ("ACTIVE".equals(account.getString("status"))) {
                if ("SHARE".equals(account.getString("type"))) {
                    share = account.getString("accountNumber");
                } else if ("SHARE_DRAFT".equals(account.getString("type"))) {
                    draft = account.getString("accountNumber");
                }
            }
        }
        return share != null && draft != null ? new String[]{share, draft} : null;
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
     * local time, which TallyProcess sets to UTC, so the bound is given as a UTC wall-clock time.
     */
    private static int migrationsInstalledSince(Path database, Instant since) throws SQLException {
        System.setProperty("derby.stream.error.file", "target/crash-it-derby.log");
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
