package coop.tally;

import coop.tally.posting.Calls;
import coop.tally.support.Api;
import coop.tally.support.Folders;
import coop.tally.support.MemberFiles;
import coop.tally.support.TallyProcess;
import coop.tally.support.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two Tally servers on one PostgreSQL database, started at the same moment on the empty database,
 * sharing one keys folder: clients alternate between them and see one Tally. Tokens and calls
 * cross servers, racing withdrawals split across both post exactly as far as the funds go, one
 * Idempotency-Key sent to both at once posts once, and after {@code kill -9} of one server while both
 * take postings, the other keeps answering, no acknowledged posting is lost, and the ledger verifies
 * and replays clean. A third server holding other keys refuses to start on the same database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Path A = Path.of("target", "cluster-it-a");
    private static final Path B = Path.of("target", "cluster-it-b");
    private static final Path KEYS = Path.of("target", "cluster-it-keys");

    private static TallyProcess serverA;
    private static TallyProcess serverB;
    private static Calls calls;

    @BeforeAll
    static void startTwoServersAtOnce() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "several servers share a PostgreSQL database; embedded Derby belongs to one");
        Folders.recreate(A);
        Folders.recreate(B);
        Folders.recreate(KEYS);
        TestDatabase.share(B, A);
        serverA = server(A, "cluster-it-a", KEYS).create();
        serverB = server(B, "cluster-it-b", KEYS).create();
        // both find the database empty: the start-up work (keys, demo data, first day) runs one server at a time
        CompletableFuture<TallyProcess> startingA = CompletableFuture.supplyAsync(serverA::start);
        CompletableFuture<TallyProcess> startingB = CompletableFuture.supplyAsync(serverB::start);
        startingA.get(10, TimeUnit.MINUTES);
        startingB.get(10, TimeUnit.MINUTES);
        calls = new Calls(on(serverA).signIn("super1"), on(serverB).signIn("admin1"));
    }

    @AfterAll
    static void stopServers() {
        for (TallyProcess server : new TallyProcess[] {serverA, serverB}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    @Order(1)
    void a_token_and_a_call_cross_servers_and_a_sign_out_on_one_ends_the_token_on_both() throws Exception {
        Api repOnA = on(serverA).signIn("rep1");
        Api repOnB = on(serverB).as(repOnA.token());
        assertEquals(200, repOnB.get("api/me").status(), "a token from A works on B");

        String member = memberWithShareAndDraft(on(serverB).signIn("super1"))[2];
        String call = calls.verifiedCall(repOnA, member, "BASIC");
        assertNotNull(call, "a call verified on A");
        JsonObject session = repOnB.get("api/calls/current").json();
        assertEquals(call, session.getString("id"), "B sees the call A started: " + session);

        Api.Reply signedOut = on(serverB).as(repOnA.token()).post("api/auth/logout", "");
        assertEquals(204, signedOut.status(), signedOut.toString());
        assertEquals(401, repOnA.get("api/me").status(), "signed out on B ends the token on A at once");
    }

    @Test
    @Order(2)
    void racing_withdrawals_split_across_both_servers_post_exactly_as_far_as_the_funds_go() throws Exception {
        Api superOnA = on(serverA).signIn("super2");
        String[] accounts = memberWithShareAndDraft(superOnA);
        String share = accounts[0];
        String draft = accounts[1];
        String member = accounts[2];
        // leave exactly 100.00 in the draft: 14 withdrawals of 7.00 fit, a 15th would overdraw it
        String superCall = calls.verifiedCall(superOnA, member, "STRONG");
        BigDecimal excess = balance(superOnA, member, draft).subtract(new BigDecimal("100.00"));
        String direction = excess.signum() >= 0 ? "\"fromAccount\":\"" + draft + "\",\"toAccount\":\"" + share + "\""
                : "\"fromAccount\":\"" + share + "\",\"toAccount\":\"" + draft + "\"";
        if (excess.signum() != 0) {
            Api.Reply moved = superOnA.post("api/transactions", "{\"type\":\"TRANSFER\"," + direction + ",\"amount\":\""
                    + excess.abs().toPlainString() + "\",\"sessionId\":\"" + superCall + "\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(201, moved.status(), moved.toString());
        }
        calls.endCall(superOnA);
        assertEquals(new BigDecimal("100.00"), balance(superOnA, member, draft));

        List<Api> reps = new ArrayList<>();
        List<String> callIds = new ArrayList<>();
        for (String username : List.of("storm0", "storm1")) {
            Api rep = newRep(serverA, username);
            callIds.add(calls.verifiedCall(rep, member, "STRONG"));
            reps.add(rep);
        }
        int attempts = 24;
        CountDownLatch ready = new CountDownLatch(attempts);
        ExecutorService clients = Executors.newFixedThreadPool(attempts);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            // alternate servers and reps: each rep's posts reach both servers
            TallyProcess server = i % 2 == 0 ? serverA : serverB;
            int rep = (i / 2) % 2;
            Api client = on(server).as(reps.get(rep).token());
            String body = "{\"type\":\"WITHDRAWAL\",\"tender\":\"OFFICIAL_CHECK\",\"fromAccount\":\"" + draft
                    + "\",\"amount\":\"7.00\",\"sessionId\":\"" + callIds.get(rep) + "\"}";
            replies.add(clients.submit(() -> {
                ready.countDown();
                ready.await();
                return client.post("api/transactions", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            }));
        }
        int posted = 0;
        int heldForOverdraft = 0;
        for (Future<Api.Reply> future : replies) {
            Api.Reply reply = future.get(3, TimeUnit.MINUTES);
            if (reply.status() == 201) {
                posted++;
            } else if (reply.status() == 202 && "OVERRIDE_REQUIRED".equals(reply.json().getString("code"))) {
                heldForOverdraft++;
            } else {
                throw new AssertionError("neither posted nor held for an override: " + reply);
            }
        }
        clients.shutdown();
        assertEquals(14, posted, "14 × 7.00 = 98.00 of 100.00");
        assertEquals(10, heldForOverdraft);
        assertEquals(new BigDecimal("2.00"), balance(on(serverB).signIn("super1"), member, draft));
    }

    @Test
    @Order(3)
    void one_idempotency_key_sent_to_both_servers_at_once_posts_once() throws Exception {
        Api rep = newRep(serverB, "twice0");
        String[] accounts = memberWithShareAndDraft(on(serverA).signIn("super1"));
        String call = calls.verifiedCall(rep, accounts[2], "BASIC");
        int before = transfers(rep, accounts[0]);
        String key = UUID.randomUUID().toString();
        String body = "{\"type\":\"TRANSFER\",\"fromAccount\":\"" + accounts[0] + "\",\"toAccount\":\"" + accounts[1]
                + "\",\"amount\":\"3.00\",\"sessionId\":\"" + call + "\"}";
        CountDownLatch ready = new CountDownLatch(2);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (TallyProcess server : List.of(serverA, serverB)) {
            Api client = on(server).as(rep.token());
            replies.add(clients.submit(() -> {
                ready.countDown();
                ready.await();
                return client.post("api/transactions", body, Map.of("Idempotency-Key", key));
            }));
        }
        Set<Long> entries = new HashSet<>();
        for (Future<Api.Reply> reply : replies) {
            Api.Reply answered = reply.get(2, TimeUnit.MINUTES);
            assertEquals(201, answered.status(), answered.toString());
            entries.add(answered.json().getJsonObject("entry").getJsonNumber("id").longValue());
        }
        clients.shutdown();
        assertEquals(1, entries.size(), "both answers name one entry: " + entries);
        assertEquals(before + 1, transfers(rep, accounts[0]), "posted once");
    }

    @Test
    @Order(4)
    void kill_9_of_one_server_while_both_take_postings_loses_no_acknowledged_posting() throws Exception {
        List<String[]> pairs = new ArrayList<>();
        List<Api> reps = new ArrayList<>();
        List<String> callIds = new ArrayList<>();
        Api lookup = on(serverB).signIn("super1");
        while (pairs.size() < 4) {
            String[] accounts = memberWithShareAndDraft(lookup);
            Api rep = newRep(serverA, "cluster" + pairs.size());
            String call = calls.verifiedCall(rep, accounts[2], "BASIC");
            assertNotNull(call, "a call verified for member " + accounts[2]);
            pairs.add(accounts);
            reps.add(rep);
            callIds.add(call);
        }
        assertEquals(4, pairs.size(), "demo members with an active share and draft");

        List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<Long> acknowledgedByBAfterKill = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(pairs.size());
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < pairs.size(); client++) {
            String[] pair = pairs.get(client);
            String token = reps.get(client).token();
            String call = callIds.get(client);
            running.add(clients.submit((Callable<Void>) () -> {
                boolean forward = true;
                while (!stop.get()) {
                    // alternate servers; once A is gone every request goes to B
                    TallyProcess server = forward && !killed.get() ? serverA : serverB;
                    String body = "{\"type\":\"TRANSFER\",\"fromAccount\":\"" + pair[forward ? 0 : 1] + "\",\"toAccount\":\""
                            + pair[forward ? 1 : 0] + "\",\"amount\":\"1.00\",\"sessionId\":\"" + call + "\"}";
                    forward = !forward;
                    boolean afterKill = killed.get();
                    try {
                        Api.Reply reply = on(server).as(token).post("api/transactions", body,
                                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                        if (reply.status() == 201) {
                            long id = reply.json().getJsonObject("entry").getJsonNumber("id").longValue();
                            acknowledged.add(id);
                            if (afterKill && server == serverB) {
                                acknowledgedByBAfterKill.add(id);
                            }
                        }
                    } catch (RuntimeException connectionLost) {
                        // A died under this request: whether it committed is not known, and not counted
                    }
                }
                return null;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.size() < 40 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        serverA.kill9();
        killed.set(true);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledgedByBAfterKill.size() < 20 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        stop.set(true);
        for (Future<?> client : running) {
            client.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();
        assertFalse(serverA.isAlive(), "A still runs after kill -9");
        assertTrue(acknowledgedByBAfterKill.size() >= 20, "B kept answering after A died: " + acknowledgedByBAfterKill.size());

        Api auditor = on(serverB).signIn("audit1");
        for (long id : List.copyOf(acknowledged)) {
            assertEquals(200, auditor.get("api/transactions/" + id).status(), "acknowledged entry " + id + " lost");
        }
        JsonObject invariants = auditor.get("api/ledger/invariants").json();
        assertTrue(invariants.getBoolean("ok"), invariants.toString());
        JsonObject verify = sealedAndVerified(auditor);
        assertTrue(verify.getBoolean("ok"), verify.toString());
        JsonObject replay = auditor.post("api/audit/replay", "").json();
        assertTrue(replay.getBoolean("ok"), replay.toString());
        assertEquals(0, replay.getJsonArray("balanceDifferences").size(), replay.toString());
    }

    @Test
    @Order(5)
    void a_server_holding_other_keys_refuses_to_start_on_the_database() throws Exception {
        Path c = Path.of("target", "cluster-it-c");
        Folders.recreate(c);
        TestDatabase.share(c, A);
        Path otherKeys = Path.of("target", "cluster-it-other-keys");
        Folders.recreate(otherKeys);
        try (TallyProcess stranger = server(c, "cluster-it-c", otherKeys)
                .startupTimeout(Duration.ofMinutes(4)).create()) {
            assertThrows(RuntimeException.class, stranger::start, "a server with other keys started");
            assertTrue(Files.readString(stranger.logFile()).contains("is not the one this database was written with"),
                    "the log says why: " + stranger.logTail(30));
        }
        assertEquals(200, on(serverB).get("health/ready").status(), "the running server was not disturbed");
    }

    // ------------------------------------------------------------------ helpers

    private static TallyProcess.Settings server(Path data, String name, Path keys) {
        return TallyProcess.on(data)
                .demoMembers(20)
                .jvmOptions("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dtally.keys=" + keys.toAbsolutePath())
                .logs(Path.of("target"), name);
    }

    /** A new rep, made by ADMIN on the other server, signed in on {@code server}. */
    private static Api newRep(TallyProcess server, String username) throws Exception {
        Api admin = on(server == serverA ? serverB : serverA).signIn("admin1");
        Api.Reply made = admin.post("api/staff", "{\"username\":\"" + username + "\",\"displayName\":\"Rep " + username
                + "\",\"roles\":[\"REP\"],\"password\":\"" + Api.DEMO_PASSWORD + "\"}");
        assertEquals(201, made.status(), made.toString());
        return on(server).signIn(username);
    }

    private static Api on(TallyProcess server) throws Exception {
        return Api.at(server.baseUri().toURL());
    }

    /** share, draft and member number of a demo member whose share and draft are active. */
    private static String[] memberWithShareAndDraft(Api staff) {
        for (int number = 100021; number >= 100003; number--) {
            Api.Reply member = staff.get("api/members/" + number);
            if (member.status() == 200) {
                String[] pair = MemberFiles.activeShareAndDraft(member.json());
                if (pair != null && !taken.contains(number)) {
                    taken.add(number);
                    return new String[] {pair[0], pair[1], String.valueOf(number)};
                }
            }
        }
        throw new AssertionError("no demo member with an active share and draft is left");
    }

    /** Members a test of this class already used: each test works on its own. */
    private static final Set<Integer> taken = Collections.synchronizedSet(new HashSet<>());

    private static BigDecimal balance(Api staff, String member, String account) {
        for (JsonValue value : staff.get("api/members/" + member).json().getJsonArray("accounts")) {
            if (value.asJsonObject().getString("accountNumber").equals(account)) {
                return new BigDecimal(value.asJsonObject().getString("ledgerBalance"));
            }
        }
        throw new AssertionError("no account " + account);
    }

    private static int transfers(Api staff, String account) {
        return (int) staff.get("api/accounts/" + account + "/history?size=200").json().getJsonArray("entries").stream()
                .map(JsonValue::asJsonObject).filter(entry -> entry.getString("type").equals("TRANSFER")).count();
    }

    /** Verify, once every row so far is sealed (the sealer of either server seals within a second or two). */
    private static JsonObject sealedAndVerified(Api auditor) throws InterruptedException {
        JsonObject verify = null;
        for (int attempt = 0; attempt < 120; attempt++) {
            verify = auditor.post("api/audit/verify", "").json();
            if (verify.getBoolean("ok") && verify.getJsonNumber("entriesChecked").longValue()
                    == verify.getJsonNumber("leavesChecked").longValue()) {
                return verify;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return verify;
    }
}
