package coop.tally.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load generator: closed-loop clients, each posting own-account transfers of 1.00 back and
 * forth between a member's share (S00) and share draft (S10) so that balances stay put.
 *
 * <p>Each client has its own slice of the working set, as each rep on the phone has a different
 * member: clients never contend for the same member's accounts, so what is measured is the posting
 * path's throughput, not deliberate conflicts.
 *
 * <p>Every posting names a call verified for its member (DESIGN.md "Caller verification"), and a
 * staff member holds one open call at a time: so each client is its own bench rep (made through
 * the staff API, {@link #provisionClients}), and it serves its members one call at a time,
 * {@link #POSTINGS_PER_CALL} transfers per call. Opening and verifying a call is not a posting: its
 * time is not sampled, though it does take from the measured window.
 */
final class PostingLoad {

    /** Thrown when Tally cannot be loaded yet (endpoint missing, sign-in missing): the message says why. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    /** A member of the working set with the two accounts the transfers move between. */
    record Member(String memberNumber, String share, String draft, String dateOfBirth, String zip) {
    }

    /** Transfers a client posts in one call before it moves on to its next member. */
    static final int POSTINGS_PER_CALL = 25;
    /** A caller ID not on file for any demo member: a red flag, which does not stop the call. */
    private static final String BENCH_ANI = "+13125550000";

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Set<String> DECLINES = Set.of("INSUFFICIENT_FUNDS", "SHARE_PAR_VALUE");
    private static final int FIRST_MEMBER = 100_001;
    /** The demo's rep2 is also this member; the own-account rule would refuse rep2's postings there. */
    private static final int STAFF_MEMBER = 100_002;
    private static final int MAX_ERRORS_SHOWN = 5;
    /** Failed lookups with nothing found yet after which the member endpoint is taken to be missing. */
    private static final int GIVE_UP_AFTER = 50;

    private final URI base;
    /** The servers clients post to, client c to server c mod n: one Tally behind several servers. */
    private List<URI> servers;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private List<String> tokens = List.of();
    /** One signed-in bench rep per client, so that each client can hold its own open call. */
    private List<String> clientTokens = List.of();
    /** The auditor who waits for sealing; asks for the sealing lag after each run. */
    private volatile String auditorToken;
    private final List<String> errorsShown = Collections.synchronizedList(new ArrayList<>());

    PostingLoad(URI base) {
        this.base = base;
        this.servers = List.of(base);
    }

    private List<Member> workingSet = List.of();

    /** Keeps the working set found by {@link #workingSet(int, int)} for every later run. */
    void useWorkingSet(List<Member> members) {
        workingSet = List.copyOf(members);
    }

    List<Member> workingSet() {
        return workingSet;
    }

    /** Spreads the clients over these servers (of one database); preparation stays on the first. */
    void spreadOver(List<URI> bases) {
        servers = List.copyOf(bases);
    }

    /**
     * Authenticated reads on the first server with the clients' own sign-ins (the bench reps, or the
     * demo staff when none were made) and this load's HTTP client.
     */
    ReadLoad reads() {
        return new ReadLoad(base, clientTokens.isEmpty() ? tokens : clientTokens, this::send);
    }

    // ---------------------------------------------------------------- preparation

    /**
     * Signs in the demo staff; the first token (a supervisor's) looks members up, and clients use
     * these tokens in turn unless {@link #provisionClients} made bench reps.
     */
    void signIn(List<String> usernames, String password) throws Unavailable {
        List<String> signedIn = new ArrayList<>();
        for (String username : usernames) {
            signedIn.add(token(username, password));
        }
        tokens = List.copyOf(signedIn);
    }

    /**
     * Makes (or reuses) {@code count} bench reps, bench01, bench02, ..., as {@code admin}, and signs
     * them in: client c posts as bench rep c.
     */
    void provisionClients(String admin, String password, int count) throws Unavailable {
        String adminToken = token(admin, password);
        List<String> signedIn = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String username = String.format("bench%02d", i);
            Reply created = send(HttpRequest.newBuilder(base.resolve("api/staff"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + adminToken)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"displayName\":\"Bench rep "
                            + i + "\",\"roles\":[\"REP\"],\"password\":\"" + password + "\"}")));
            if (created == null || (created.statusCode() != 201 && created.statusCode() != 409)) {
                throw new Unavailable("creating bench rep " + username + " failed: " + describe(created));
            }
            signedIn.add(token(username, password));
        }
        clientTokens = List.copyOf(signedIn);
    }

    /**
     * Waits until the sealer has caught up with the journal (every entry a leaf), as an auditor's
     * verify reports it: a first start leaves the demo's opening entries to seal in the background,
     * and measuring while that runs measured the sealer's backlog, not the posting path. Returns
     * the seconds waited, or -1 when it did not catch up within {@code limitSeconds}.
     */
    double awaitSealing(String auditor, String password, int limitSeconds) throws Unavailable, InterruptedException {
        String token = token(auditor, password);
        auditorToken = token;
        long began = System.nanoTime();
        while (System.nanoTime() - began < limitSeconds * 1_000_000_000L) {
            Reply verified = send(authorized(base, "api/audit/verify", token).POST(HttpRequest.BodyPublishers.noBody()));
            if (verified != null && verified.statusCode() == 200) {
                JsonObject report = parse(verified.body());
                if (report.getJsonNumber("leavesChecked").longValue() >= report.getJsonNumber("entriesChecked").longValue()) {
                    return (System.nanoTime() - began) / 1e9;
                }
            }
            Thread.sleep(3000);
        }
        return -1;
    }

    /** How long the entries posted in a window waited to be sealed, once sealed (or after {@code limitSeconds}). */
    record SealingLag(int entries, int unsealed, long p50Millis, long p99Millis, long maxMillis) {
    }

    /**
     * The server's sealing lag for the entries posted from {@code from} until {@code until}, asked
     * as the auditor of {@link #awaitSealing} once none waits (at most {@code limitSeconds} later);
     * null when the server does not tell (an older build, or no auditor signed in).
     */
    SealingLag sealingLag(java.time.Instant from, java.time.Instant until, int limitSeconds) throws InterruptedException {
        if (auditorToken == null) {
            return null;
        }
        long began = System.nanoTime();
        while (true) {
            Reply reply = send(authorized(base, "api/audit/sealing-lag?from=" + from + "&until=" + until, auditorToken).GET());
            if (reply == null || reply.statusCode() != 200) {
                System.out.println("  sealing lag not available: " + describe(reply));
                return null;
            }
            JsonObject lag = parse(reply.body());
            if (lag.getInt("unsealed") == 0 || System.nanoTime() - began > limitSeconds * 1_000_000_000L) {
                return new SealingLag(lag.getInt("entries"), lag.getInt("unsealed"), lag.getJsonNumber("p50Millis").longValue(),
                        lag.getJsonNumber("p99Millis").longValue(), lag.getJsonNumber("maxMillis").longValue());
            }
            Thread.sleep(1000);
        }
    }

    private String token(String username, String password) throws Unavailable {
        Reply reply = send(HttpRequest.newBuilder(base.resolve("api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
        if (reply == null || reply.statusCode() != 200) {
            throw new Unavailable("sign-in as " + username + " failed: " + describe(reply)
                    + (reply != null && reply.statusCode() == 404 ? " (POST /api/auth/login is not in this build)" : ""));
        }
        return parse(reply.body()).getString("token");
    }

    /**
     * Looks up random demo members until {@code wanted} have an ACTIVE share and an ACTIVE share
     * draft. Four threads, because one lookup at a time would take longer than the load itself.
     */
    List<Member> workingSet(int demoMembers, int wanted) throws Unavailable, InterruptedException {
        List<Member> found = Collections.synchronizedList(new ArrayList<>());
        List<Integer> candidates = candidates(demoMembers, wanted * 3);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<String> firstFailure = Collections.synchronizedList(new ArrayList<>());
        List<Thread> lookers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread looker = new Thread(() -> {
                int i;
                while (found.size() < wanted && !(found.isEmpty() && failures.get() >= GIVE_UP_AFTER)
                        && (i = next.getAndIncrement()) < candidates.size()) {
                    String number = Integer.toString(candidates.get(i));
                    Reply reply = send(HttpRequest.newBuilder(base.resolve("api/members/" + number))
                            .header("Authorization", "Bearer " + tokens.get(0)).GET());
                    if (reply == null || reply.statusCode() != 200) {
                        failures.incrementAndGet();
                        if (firstFailure.isEmpty()) {
                            firstFailure.add("GET /api/members/" + number + " -> " + describe(reply));
                        }
                        continue;
                    }
                    Member member = withTwoDepositAccounts(number, parse(reply.body()));
                    if (member != null) {
                        found.add(member);
                    }
                }
            }, "member-lookup-" + t);
            lookers.add(looker);
            looker.start();
        }
        for (Thread looker : lookers) {
            looker.join();
        }
        if (found.isEmpty()) {
            throw new Unavailable("no usable member found in " + Math.min(next.get(), candidates.size()) + " lookups (" + failures.get()
                    + " failed" + (firstFailure.isEmpty() ? "" : ", first: " + firstFailure.get(0)) + ")");
        }
        return new ArrayList<>(found.subList(0, Math.min(wanted, found.size())));
    }

    /** Up to {@code count} distinct random member numbers, never the staff member. */
    private static List<Integer> candidates(int demoMembers, int count) {
        List<Integer> all = new ArrayList<>();
        for (int number = FIRST_MEMBER; number < FIRST_MEMBER + demoMembers; number++) {
            if (number != STAFF_MEMBER) {
                all.add(number);
            }
        }
        Collections.shuffle(all);
        return all.subList(0, Math.min(count, all.size()));
    }

    private static Member withTwoDepositAccounts(String number, JsonObject member) {
        String share = null;
        String draft = null;
        for (JsonValue value : member.getJsonArray("accounts")) {
            JsonObject account = value.asJsonObject();
            if (!"ACTIVE".equals(account.getString("status", ""))) {
                continue;
            }
            switch (account.getString("type", "")) {
                case "SHARE" -> share = share == null ? account.getString("accountNumber") : share;
                case "SHARE_DRAFT" -> draft = draft == null ? account.getString("accountNumber") : draft;
                default -> { }
            }
        }
        var addresses = member.getJsonArray("addresses");
        String zip = addresses == null || addresses.isEmpty() ? "" : addresses.getJsonObject(0).getString("zip", "");
        return share != null && draft != null
                ? new Member(number, share, draft, member.getString("dateOfBirth", ""), zip) : null;
    }

    /** One posting before the load, so that a missing endpoint gives one clear message, not thousands of 404s. */
    void probe(Member member) throws Unavailable {
        String token = tokens.get(0);
        String call = openCall(base, member, token);
        if (call == null) {
            throw new Unavailable("no verified call could be opened for member " + member.memberNumber()
                    + " (POST /api/calls and its verification steps)");
        }
        Reply reply = post(base, member, true, token, call);
        endCall(base, call, token);
        if (reply == null) {
            throw new Unavailable("POST /api/transactions did not answer");
        }
        int status = reply.statusCode();
        if (status == 404 || status == 405) {
            throw new Unavailable("POST /api/transactions answered " + status
                    + ": the posting endpoint is not in this build yet (git pull origin main once it lands)");
        }
        if (status != 201 && !(status == 422 && DECLINES.contains(code(reply.body()))) && status != 503) {
            throw new Unavailable("a test transfer was refused: " + describe(reply));
        }
    }

    // ---------------------------------------------------------------- the load

    /** {@code clients} closed-loop clients for warm-up plus {@code seconds}; counts what completed in the measured window. */
    Result run(List<Member> workingSet, int clients, int warmupSeconds, int seconds) throws InterruptedException {
        long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long measureUntil = measureFrom + seconds * 1_000_000_000L;
        Counts counts = new Counts();
        List<Latencies> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Member> slice = slice(workingSet, c, clients);
            String token = clientTokens.isEmpty() ? tokens.get(c % tokens.size()) : clientTokens.get(c % clientTokens.size());
            Latencies mine = new Latencies();
            samples.add(mine);
            URI server = servers.get(c % servers.size());
            Thread client = new Thread(() -> drive(server, slice, token, mine, counts, measureFrom, measureUntil), "client-" + c);
            threads.add(client);
            client.start();
        }
        for (Thread client : threads) {
            client.join();
        }
        long[] sorted = Latencies.mergeSorted(samples);
        return new Result(clients, seconds, counts.posted.sum(), counts.declined.sum(), counts.conflicts.sum(),
                counts.errors.sum(), Latencies.Percentiles.of(sorted));
    }

    private static List<Member> slice(List<Member> workingSet, int client, int clients) {
        List<Member> slice = new ArrayList<>();
        for (int i = client; i < workingSet.size(); i += clients) {
            slice.add(workingSet.get(i));
        }
        return slice;
    }

    /**
     * One client: its members in turn, one call each with {@link #POSTINGS_PER_CALL} transfers,
     * each in the other direction than the last.
     */
    private void drive(URI server, List<Member> members, String token, Latencies samples, Counts counts,
                       long measureFrom, long measureUntil) {
        boolean[] toDraft = new boolean[members.size()];
        java.util.Arrays.fill(toDraft, true);
        int m = -1;
        int inCall = POSTINGS_PER_CALL;
        String call = null;
        long started;
        while ((started = System.nanoTime()) < measureUntil) {
            if (inCall >= POSTINGS_PER_CALL || call == null) {
                if (call != null) {
                    endCall(server, call, token);
                }
                m = (m + 1) % members.size();
                call = openCall(server, members.get(m), token);
                inCall = 0;
                if (call == null && started >= measureFrom) {
                    counts.errors.increment();
                }
                continue;
            }
            Reply reply = post(server, members.get(m), toDraft[m], token, call);
            inCall++;
            toDraft[m] = !toDraft[m];
            long finished = System.nanoTime();
            if (started >= measureFrom && finished < measureUntil) {
                samples.add(finished - started);
                counts.count(reply, this);
            }
        }
        if (call != null) {
            endCall(server, call, token);
        }
    }

    /**
     * Opens a call for the member as the token's staff member and verifies the caller to BASIC
     * (enough for own-account transfers) with date of birth and ZIP; any open call of that staff
     * member is ended first. Null when a step is refused.
     */
    private String openCall(URI server, Member member, String token) {
        Reply current = send(authorized(server, "api/calls/current", token).GET());
        if (current != null && current.statusCode() == 200) {
            endCall(server, parse(current.body()).getString("id"), token);
        }
        Reply started = send(authorized(server, "api/calls", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"ani\":\"" + BENCH_ANI + "\"}")));
        if (started == null || started.statusCode() != 201) {
            return null;
        }
        String call = parse(started.body()).getString("id");
        Reply identified = send(authorized(server, "api/calls/" + call + "/member", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"memberNumber\":\"" + member.memberNumber() + "\"}")));
        Reply verified = send(authorized(server, "api/calls/" + call + "/knowledge", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"answers\":{\"dateOfBirth\":\"" + member.dateOfBirth()
                        + "\",\"zip\":\"" + member.zip() + "\"}}")));
        boolean ok = identified != null && identified.statusCode() == 200 && verified != null
                && verified.statusCode() == 200 && parse(verified.body()).getBoolean("passed", false);
        if (!ok) {
            endCall(server, call, token);
            return null;
        }
        return call;
    }

    private void endCall(URI server, String call, String token) {
        send(authorized(server, "api/calls/" + call + "/end", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"disposition\":\"RESOLVED\"}")));
    }

    private HttpRequest.Builder authorized(URI server, String path, String token) {
        return HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    /**
     * Posts with HttpURLConnection (keep-alive): the JDK's HttpClient writes a POST's headers and
     * body separately, and the second small write waits on the server's delayed ACK, which added
     * several milliseconds to every posting and measured the client rather than Tally.
     */
    private Reply post(URI server, Member member, boolean toDraft, String token, String call) {
        String from = toDraft ? member.share() : member.draft();
        String to = toDraft ? member.draft() : member.share();
        byte[] body = ("{\"type\":\"TRANSFER\",\"fromAccount\":\"" + from + "\",\"toAccount\":\"" + to
                + "\",\"amount\":\"1.00\",\"memo\":\"bench\",\"sessionId\":\"" + call + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) server.resolve("api/transactions").toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty("Authorization", "Bearer " + token);
            connection.setRequestProperty("Idempotency-Key", UUID.randomUUID().toString());
            connection.setRequestProperty("Content-Type", "application/json");
            try (java.io.OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            java.io.InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String answer = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (in != null) {
                in.close();
            }
            return new Reply(status, answer);
        } catch (IOException e) {
            return null;
        }
    }

    /** An HTTP answer: status and body. */
    record Reply(int statusCode, String body) {
    }

    /** Outcome counters shared by the clients of one run. */
    private static final class Counts {
        final LongAdder posted = new LongAdder();
        final LongAdder declined = new LongAdder();
        final LongAdder conflicts = new LongAdder();
        final LongAdder errors = new LongAdder();

        void count(Reply reply, PostingLoad load) {
            int status = reply == null ? -1 : reply.statusCode();
            if (status == 201) {
                posted.increment();
            } else if (status == 422 && DECLINES.contains(code(reply.body()))) {
                declined.increment();
            } else if (status == 503) {
                conflicts.increment();
            } else {
                errors.increment();
                load.showError(reply);
            }
        }
    }

    private void showError(Reply reply) {
        if (errorsShown.size() < MAX_ERRORS_SHOWN) {
            String text = describe(reply);
            errorsShown.add(text);
            System.out.println("  unexpected answer: " + text);
        }
    }

    /** What one run measured: postings/s counts 201s only; latencies cover every answer in the window. */
    record Result(int clients, int seconds, long posted, long declined, long conflicts, long errors,
                  Latencies.Percentiles latency) {
        double postingsPerSecond() {
            return posted / (double) seconds;
        }
    }

    // ---------------------------------------------------------------- HTTP plumbing

    /** Sends, or returns null when the server does not answer (counted as an error by callers). */
    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String code(String body) {
        Matcher matcher = CODE.matcher(body == null ? "" : body);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String describe(Reply reply) {
        if (reply == null) {
            return "no answer (connection failed or timed out)";
        }
        String body = reply.body() == null ? "" : reply.body();
        return reply.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
