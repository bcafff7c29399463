package coop.tally.posting;

import coop.tally.support.Api;
import coop.tally.support.TallyDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static coop.tally.posting.Teller.both;
import static coop.tally.posting.Teller.cents;
import static coop.tally.posting.Teller.entryId;
import static coop.tally.posting.Teller.numberOf;
import static coop.tally.posting.Teller.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Postings racing each other over real HTTP: many withdrawals against funds that cover only some,
 * transfers in both directions between two accounts, and duplicates of one Idempotency-Key. Every
 * wait is bounded; the ledger's invariants must hold after each test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrentPostingIT {

    /** Client threads racing in the transfer and duplicate-key tests. */
    private static final int THREADS = 16;
    /** The fixed pool: large enough that every task of a race is released at once. */
    private static final int POOL = 24;
    /** Upper bound for one whole race, far above what it takes (a few seconds). */
    private static final long RACE_SECONDS = 180;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWar();
    }

    @ArquillianResource
    URL deployment;

    private static URL signedInAt;

    private static Teller teller;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        // a rerun of the class gets a new server on another port: sign in again there
        if (teller == null || !deployment.equals(signedInAt)) {
            signedInAt = deployment;
            teller = new Teller(deployment);
        }
        pool = Executors.newFixedThreadPool(POOL);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "the client threads ended");
        teller.assertLedgerHolds();
    }

    @Test
    void racing_withdrawals_succeed_exactly_as_far_as_the_funds_go() throws Exception {
        JsonObject member = teller.claimActiveMember("racing withdrawals", "0.00");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        String share = numberOf(member, "SHARE", "ACTIVE");
        setBalance(draft, share, new BigDecimal("1000.00"));
        int entries = teller.entries();

        // 20 withdrawals of 75.00 against 1,000.00: 13 × 75.00 = 975.00 fit, a 14th would need 1,050.00
        int attempts = 20;
        List<Api> staff = List.of(teller.rep1, teller.super1, teller.super2);
        List<Api.Reply> replies = race(attempts, i -> teller.post(staff.get(i % staff.size()),
                request("WITHDRAWAL").add("tender", "CASH").add("fromAccount", draft).add("amount", "75.00")));

        List<String> successBalances = new ArrayList<>();
        int refused = 0;
        for (Api.Reply reply : replies) {
            if (reply.status() == 201) {
                String balance = Teller.balances(reply.json()).get(draft);
                assertTrue(!balance.startsWith("-"), "never negative: " + balance);
                successBalances.add(balance);
            } else if (reply.status() == 202 && "OVERRIDE_REQUIRED".equals(reply.json().getString("code"))
                    && reply.json().getJsonObject("approval").getJsonArray("reasons").getJsonObject(0).getString("reason").equals("OVERDRAFT")) {
                // a share draft may be overdrawn only with a supervisor's override: it waits, nothing posts
                refused++;
            } else {
                fail("neither posted nor held for an overdraft override: " + reply);
            }
        }
        assertEquals(13, successBalances.size(), "successes: " + successBalances);
        assertEquals(7, refused);
        // each success saw the balance the one before it left: 925.00, 850.00, ..., 25.00, no lost update
        Set<String> expected = new HashSet<>();
        for (int n = 1; n <= 13; n++) {
            BigDecimal after = new BigDecimal("1000.00").subtract(new BigDecimal("75.00").multiply(BigDecimal.valueOf(n)));
            expected.add(both(after, after));
        }
        assertEquals(expected, new HashSet<>(successBalances));
        assertEquals("25.00/25.00", teller.snapshot(draft).get(draft));
        assertEquals(entries + 13, teller.entries());
    }

    @Test
    void transfers_both_ways_between_two_accounts_finish_and_conserve_the_total() throws Exception {
        FundedPair accounts = fundedPair("two-way transfers");
        String draft = accounts.draft();
        String share = accounts.share();
        BigDecimal draft0 = teller.available(draft);
        BigDecimal share0 = teller.available(share);
        assertEquals(draft0, teller.ledger(draft));
        assertEquals(share0, teller.ledger(share));
        int entries = teller.entries();

        // thread t moves (t + 1).00 ten times; even threads draft → share (10 × 64.00 = 640.00 at most),
        // odd threads share → draft (10 × 72.00 = 720.00 at most): neither side can run out of funds
        int perThread = 10;
        List<Api> staff = List.of(teller.rep1, teller.super1, teller.super2, teller.rep2);
        long started = System.nanoTime();
        List<List<Api.Reply>> byThread = race(THREADS, t -> {
            List<Api.Reply> mine = new ArrayList<>();
            String from = t % 2 == 0 ? draft : share;
            String to = t % 2 == 0 ? share : draft;
            for (int i = 0; i < perThread; i++) {
                mine.add(teller.post(staff.get(t % staff.size()), request("TRANSFER").add("fromAccount", from)
                        .add("toAccount", to).add("amount", (t + 1) + ".00")));
            }
            return mine;
        });
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        BigDecimal draftToShare = BigDecimal.ZERO;
        BigDecimal shareToDraft = BigDecimal.ZERO;
        int posted = 0;
        int concurrentUpdate = 0;
        for (int t = 0; t < THREADS; t++) {
            for (Api.Reply reply : byThread.get(t)) {
                if (reply.status() == 201) {
                    posted++;
                    BigDecimal amount = new BigDecimal((t + 1) + ".00");
                    if (t % 2 == 0) {
                        draftToShare = draftToShare.add(amount);
                    } else {
                        shareToDraft = shareToDraft.add(amount);
                    }
                } else if (reply.status() == 503 && "CONCURRENT_UPDATE".equals(reply.code())) {
                    concurrentUpdate++;
                } else {
                    fail("thread " + t + ": " + reply);
                }
            }
        }
        System.out.printf("two-way transfers: %d posted, %d CONCURRENT_UPDATE, %d ms%n", posted, concurrentUpdate, millis);
        assertEquals(THREADS * perThread, posted + concurrentUpdate);
        BigDecimal draftNow = draft0.subtract(draftToShare).add(shareToDraft);
        BigDecimal shareNow = share0.subtract(shareToDraft).add(draftToShare);
        Map<String, String> expected = new TreeMap<>(Map.of(draft, both(draftNow, draftNow), share, both(shareNow, shareNow)));
        assertEquals(expected, teller.snapshot(draft, share));
        assertEquals(draft0.add(share0), teller.ledger(draft).add(teller.ledger(share)), "the total is unchanged");
        assertEquals(entries + posted, teller.entries(), "one entry per 201");
    }

    @Test
    void concurrent_duplicates_of_one_key_post_once() throws Exception {
        JsonObject member = teller.claimActiveMember("duplicate keys", "0.00");
        String draft = numberOf(member, "SHARE_DRAFT", "ACTIVE");
        BigDecimal before = teller.ledger(draft);
        int entries = teller.entries();

        String key = Teller.newKey();
        String body = request("DEPOSIT").add("tender", "CASH").add("toAccount", draft).add("amount", "33.33")
                .build().toString();
        List<Api.Reply> replies = race(THREADS, i -> teller.post(teller.rep1, key, body));
        Set<Long> ids = new HashSet<>();
        int firstAnswers = 0;
        for (Api.Reply reply : replies) {
            assertEquals(201, reply.status(), reply.toString());
            ids.add(entryId(reply.json()));
            if (!"true".equals(reply.header("Idempotent-Replayed"))) {
                firstAnswers++;
            }
        }
        assertEquals(1, ids.size(), "one entry: " + ids);
        assertEquals(1, firstAnswers, "one first answer, the rest replays");
        BigDecimal after = before.add(new BigDecimal("33.33"));
        assertEquals(both(after, after), teller.snapshot(draft).get(draft));
        assertEquals(entries + 1, teller.entries());

        // one key, two different bodies racing: one body posts, its copies replay, the other is 409
        String otherKey = Teller.newKey();
        String bodyA = request("DEPOSIT").add("tender", "CASH").add("toAccount", draft).add("amount", "1.11").build().toString();
        String bodyB = request("DEPOSIT").add("tender", "CASH").add("toAccount", draft).add("amount", "2.22").build().toString();
        List<Api.Reply> mixed = race(THREADS, i -> teller.post(teller.rep1, otherKey, i % 2 == 0 ? bodyA : bodyB));
        Map<String, Integer> outcomes = new TreeMap<>();
        Set<Long> mixedIds = new HashSet<>();
        for (int i = 0; i < THREADS; i++) {
            Api.Reply reply = mixed.get(i);
            String side = i % 2 == 0 ? "A" : "B";
            String outcome = reply.status() == 201 ? "201" : reply.status() + " " + reply.code();
            outcomes.merge(side + " " + outcome, 1, Integer::sum);
            if (reply.status() == 201) {
                mixedIds.add(entryId(reply.json()));
            }
        }
        assertEquals(1, mixedIds.size(), outcomes.toString());
        boolean aWon = outcomes.containsKey("A 201");
        Map<String, Integer> expected = aWon
                ? Map.of("A 201", 8, "B 409 IDEMPOTENCY_KEY_REUSED", 8)
                : Map.of("B 201", 8, "A 409 IDEMPOTENCY_KEY_REUSED", 8);
        assertEquals(new TreeMap<>(expected), outcomes);
        BigDecimal end = after.add(new BigDecimal(aWon ? "1.11" : "2.22"));
        assertEquals(both(end, end), teller.snapshot(draft).get(draft));
        assertEquals(entries + 2, teller.entries());
    }

    @Test
    void an_auditor_verifying_and_replaying_while_transfers_race_finds_nothing_wrong() throws Exception {
        FundedPair accounts = fundedPair("audit while posting");
        String draft = accounts.draft();
        String share = accounts.share();

        // four tellers move money both ways while one auditor verifies and replays until they are done:
        // postings caught half-way by the auditor's reads are neither forgeries nor differences
        List<Api> staff = List.of(teller.rep1, teller.super1, teller.super2, teller.rep2);
        int tellers = staff.size();
        int perTeller = 25;
        AtomicInteger postingTellers = new AtomicInteger(tellers);
        List<List<Api.Reply>> byThread = race(tellers + 1, t -> {
            List<Api.Reply> mine = new ArrayList<>();
            if (t == tellers) {
                do {
                    mine.add(teller.audit1.post("api/audit/verify", ""));
                    mine.add(teller.audit1.post("api/audit/replay", ""));
                } while (postingTellers.get() > 0);
                return mine;
            }
            try {
                String from = t % 2 == 0 ? draft : share;
                String to = t % 2 == 0 ? share : draft;
                for (int i = 0; i < perTeller; i++) {
                    mine.add(teller.post(staff.get(t), request("TRANSFER").add("fromAccount", from)
                            .add("toAccount", to).add("amount", (t + 1) + ".00")));
                }
                return mine;
            } finally {
                postingTellers.decrementAndGet();
            }
        });

        int posted = 0;
        for (int t = 0; t < tellers; t++) {
            for (Api.Reply reply : byThread.get(t)) {
                assertTrue(reply.status() == 201 || reply.status() == 503 && "CONCURRENT_UPDATE".equals(reply.code()),
                        reply.toString());
                posted += reply.status() == 201 ? 1 : 0;
            }
        }
        assertTrue(posted > 0, "transfers were posted while the auditor read");
        List<Api.Reply> audits = byThread.get(tellers);
        for (Api.Reply audit : audits) {
            assertEquals(200, audit.status(), audit.toString());
            assertTrue(audit.json().getBoolean("ok"), audit.toString());
        }
        System.out.printf("audit while posting: %d transfers posted, %d verifications and replays%n", posted, audits.size());
    }

    // ------------------------------------------------------------------ helpers

    private interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code count} tasks on the pool, released together, and waits for all within the bound. */
    private <T> List<T> race(int count, Task<T> task) throws Exception {
        assertTrue(count <= POOL, "every task of a race has its own thread");
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            Callable<T> callable = () -> {
                ready.countDown();
                if (!go.await(60, TimeUnit.SECONDS)) {
                    throw new TimeoutException("start gate");
                }
                return task.run(index);
            };
            futures.add(pool.submit(callable));
        }
        assertTrue(ready.await(60, TimeUnit.SECONDS), "threads ready");
        go.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RACE_SECONDS);
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            long left = Math.max(1, deadline - System.nanoTime());
            try {
                results.add(future.get(left, TimeUnit.NANOSECONDS));
            } catch (TimeoutException hung) {
                futures.forEach(f -> f.cancel(true));
                fail("the race did not finish within " + RACE_SECONDS + " s: a posting hung");
            }
        }
        return results;
    }

    /** Makes {@code account}'s balance exactly {@code target}: the excess moves to {@code other}, a shortfall comes from it. */
    private void setBalance(String account, String other, BigDecimal target) {
        BigDecimal available = teller.available(account);
        assertEquals(available, teller.ledger(account), "no holds");
        int compare = available.compareTo(target);
        if (compare > 0) {
            teller.posted(teller.super1, request("TRANSFER").add("fromAccount", account).add("toAccount", other)
                    .add("amount", cents(available.subtract(target))));
        } else if (compare < 0) {
            BigDecimal shortfall = target.subtract(available);
            topUp(other, shortfall.add(new BigDecimal("5.00")).add(teller.available(other)));
            teller.posted(teller.super1, request("TRANSFER").add("fromAccount", other).add("toAccount", account)
                    .add("amount", cents(shortfall)));
        }
        assertEquals(both(target, target), teller.snapshot(account).get(account));
    }

    /** Brings the account up to at least {@code minimum} with an internal deposit. */
    /** A share draft and a share of one newly claimed member, each holding at least 1,000.00. */
    private record FundedPair(String draft, String share) {
    }

    private FundedPair fundedPair(String purpose) {
        JsonObject member = teller.claimActiveMember(purpose, "0.00");
        FundedPair accounts = new FundedPair(numberOf(member, "SHARE_DRAFT", "ACTIVE"), numberOf(member, "SHARE", "ACTIVE"));
        topUp(accounts.draft(), new BigDecimal("1000.00"));
        topUp(accounts.share(), new BigDecimal("1000.00"));
        return accounts;
    }

    private void topUp(String account, BigDecimal minimum) {
        BigDecimal available = teller.available(account);
        if (available.compareTo(minimum) < 0) {
            JsonObjectBuilder deposit = request("DEPOSIT").add("tender", "INTERNAL").add("toAccount", account)
                    .add("amount", cents(minimum.subtract(available)));
            teller.posted(teller.super1, deposit);
        }
        assertTrue(teller.available(account).compareTo(minimum) >= 0);
    }
}
