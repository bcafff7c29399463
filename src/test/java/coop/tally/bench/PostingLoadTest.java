package coop.tally.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load generator against a stub of Tally's API in this JVM: it signs in, picks members with two
 * active deposit accounts, sends well-formed transfers with unique idempotency keys in alternating
 * directions, and sorts answers into posted / declined / conflict / error; the read load sends the
 * signed-in token and counts only 200s as reads.
 */
class PostingLoadTest {

    private HttpServer server;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> shareToDraft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> draftToShare = new ConcurrentHashMap<>();
    private final AtomicInteger postings = new AtomicInteger();
    private final AtomicInteger malformed = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean postingEndpoint = true;
    private final AtomicInteger readsServed = new AtomicInteger();
    private final AtomicInteger readsRefused = new AtomicInteger();
    private final AtomicInteger readsFailed = new AtomicInteger();
    private volatile boolean meEndpoint = true;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/auth/login", exchange -> reply(exchange, 200, "{\"token\":\"t1\"}"));
        server.createContext("/api/members/", this::member);
        server.createContext("/api/transactions", this::transfer);
        server.createContext("/api/calls", this::call);
        server.createContext("/api/me", this::me);
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Even member numbers have an active share and draft; odd ones a closed draft. */
    private void member(HttpExchange exchange) throws IOException {
        String number = exchange.getRequestURI().getPath().substring("/api/members/".length());
        String draftStatus = Integer.parseInt(number) % 2 == 0 ? "ACTIVE" : "CLOSED";
        reply(exchange, 200, "{\"memberNumber\":\"" + number + "\",\"accounts\":["
                + "{\"accountNumber\":\"" + number + "-S00\",\"type\":\"SHARE\",\"status\":\"ACTIVE\",\"ledgerBalance\":\"50.00\"},"
                + "{\"accountNumber\":\"" + number + "-S10\",\"type\":\"SHARE_DRAFT\",\"status\":\"" + draftStatus + "\"}]}");
    }

    /** Calls: none is open at first; every call is verified at once. */
    private void call(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        if (path.endsWith("/current")) {
            reply(exchange, 404, "{\"code\":\"NO_OPEN_CALL\"}");
        } else if (path.equals("/api/calls")) {
            reply(exchange, 201, "{\"id\":\"call-" + calls.incrementAndGet() + "\"}");
        } else {
            reply(exchange, 200, "{\"passed\":true}");
        }
    }

    /** Every 10th posting is declined for funds, every 25th a conflict, the rest posted. */
    private void transfer(HttpExchange exchange) throws IOException {
        if (!postingEndpoint) {
            reply(exchange, 404, "{\"code\":\"NOT_FOUND\"}");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        boolean wellFormed = key != null && keys.add(key)
                && "Bearer t1".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                && body.contains("\"type\":\"TRANSFER\"") && body.contains("\"amount\":\"1.00\"")
                && body.contains("\"sessionId\":\"call-");
        if (!wellFormed) {
            malformed.incrementAndGet();
            reply(exchange, 400, "{\"code\":\"BAD_REQUEST\"}");
            return;
        }
        String member = body.replaceAll(".*\"fromAccount\":\"(\\d+)-.*", "$1");
        (body.contains("-S00\",\"toAccount\"") ? shareToDraft : draftToShare)
                .computeIfAbsent(member, m -> new AtomicInteger()).incrementAndGet();
        int n = postings.incrementAndGet();
        // every kind of answer within the first five postings: a slow machine posts few in the test's second
        if (n % 5 == 2) {
            reply(exchange, 422, "{\"code\":\"INSUFFICIENT_FUNDS\"}");
        } else if (n % 5 == 4) {
            reply(exchange, 503, "{\"code\":\"CONFLICT\"}");
        } else {
            reply(exchange, 201, "{\"id\":" + n + "}");
        }
    }

    /** 401 without the signed-in token; with it, every third read a 500 and the rest 200. */
    private void me(HttpExchange exchange) throws IOException {
        if (!meEndpoint) {
            reply(exchange, 404, "{\"code\":\"NOT_FOUND\"}");
        } else if (!"Bearer t1".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            readsRefused.incrementAndGet();
            reply(exchange, 401, "{\"code\":\"UNAUTHORIZED\"}");
        } else if ((readsServed.get() + readsFailed.get()) % 3 == 2) {
            readsFailed.incrementAndGet();
            reply(exchange, 500, "{\"code\":\"INTERNAL\"}");
        } else {
            readsServed.incrementAndGet();
            reply(exchange, 200, "{\"username\":\"super1\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void posts_alternating_transfers_and_sorts_the_answers() throws Exception {
        PostingLoad load = new PostingLoad(base());
        load.signIn(List.of("super1"), "tally-demo");
        List<PostingLoad.Member> workingSet = load.workingSet(200, 20);
        assertEquals(20, workingSet.size());
        assertTrue(workingSet.stream().allMatch(m -> Integer.parseInt(m.memberNumber()) % 2 == 0), workingSet.toString());
        load.probe(workingSet.get(0));

        PostingLoad.Result result = load.run(workingSet, 2, 0, 1);

        assertEquals(0, malformed.get(), "malformed requests");
        assertEquals(0, result.errors());
        assertTrue(result.posted() > 0 && result.declined() > 0 && result.conflicts() > 0, result.toString());
        assertTrue(result.latency().p50() > 0 && result.latency().p50() <= result.latency().p99(), result.toString());
        for (PostingLoad.Member member : workingSet) {
            int there = shareToDraft.getOrDefault(member.memberNumber(), new AtomicInteger()).get();
            int back = draftToShare.getOrDefault(member.memberNumber(), new AtomicInteger()).get();
            assertTrue(Math.abs(there - back) <= 2, member + ": " + there + " there, " + back + " back");
        }
    }

    @Test
    void a_missing_posting_endpoint_is_one_clear_message() throws Exception {
        postingEndpoint = false;
        PostingLoad load = new PostingLoad(base());
        load.signIn(List.of("super1"), "tally-demo");
        List<PostingLoad.Member> workingSet = load.workingSet(10, 2);
        PostingLoad.Unavailable missing = assertThrows(PostingLoad.Unavailable.class, () -> load.probe(workingSet.get(0)));
        assertTrue(missing.getMessage().contains("not in this build"), missing.getMessage());
    }

    @Test
    void reads_send_the_signed_in_token_and_count_only_200s() throws Exception {
        PostingLoad load = new PostingLoad(base());
        load.signIn(List.of("super1"), "tally-demo");
        ReadLoad reads = load.reads();
        reads.probe();
        // the probe's answer is not part of the run
        int servedBefore = readsServed.get();
        int failedBefore = readsFailed.get();

        ReadLoad.Result result = reads.run(2, 0, 1);

        assertEquals(0, readsRefused.get(), "reads without the signed-in token");
        assertTrue(result.reads() > 0 && result.others() > 0, result.toString());
        // only the answers in flight when the window closed (one per client at most) go uncounted
        int served = readsServed.get() - servedBefore;
        int failed = readsFailed.get() - failedBefore;
        assertTrue(result.reads() <= served && result.reads() >= served - 2, result + " against " + served + " 200s served");
        assertTrue(result.others() <= failed && result.others() >= failed - 2, result + " against " + failed + " 500s served");
        assertEquals(result.reads(), (long) (result.readsPerSecond() * result.seconds()));
        assertTrue(result.latency().p50() > 0 && result.latency().p50() <= result.latency().p99(), result.toString());
    }

    @Test
    void a_refused_read_is_one_clear_message() throws Exception {
        meEndpoint = false;
        PostingLoad load = new PostingLoad(base());
        load.signIn(List.of("super1"), "tally-demo");
        PostingLoad.Unavailable missing = assertThrows(PostingLoad.Unavailable.class, () -> load.reads().probe());
        assertTrue(missing.getMessage().contains("GET /api/me -> 404"), missing.getMessage());
    }

    @Test
    void ratios_are_percentages_or_not_applicable() {
        assertEquals("25.0%", PostingBenchmark.percent(250.0, 1000.0));
        assertEquals("n/a", PostingBenchmark.percent(250.0, null));
        assertEquals("n/a", PostingBenchmark.percent(null, 1000.0));
        assertEquals("n/a", PostingBenchmark.percent(250.0, 0.0));
    }
}
