package coop.tally.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The authenticated-read ceiling beside the postings: closed-loop clients, each sending
 * {@code GET /api/me} with a signed-in staff member's token as fast as answers come back. It is the
 * cheapest request that still passes sign-in checking, so a posting's cost can be read against it
 * (issue: "a posting as cheap as an authenticated read").
 *
 * <p>Made by {@link PostingLoad#reads()}, so that it signs in and sends exactly as the postings do:
 * the same tokens, client c with token c, and the same HTTP client.
 */
final class ReadLoad {

    private final URI server;
    private final List<String> tokens;
    private final Function<HttpRequest.Builder, PostingLoad.Reply> send;

    ReadLoad(URI server, List<String> tokens, Function<HttpRequest.Builder, PostingLoad.Reply> send) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("reads need a signed-in token: sign in first");
        }
        this.server = server;
        this.tokens = List.copyOf(tokens);
        this.send = send;
    }

    /** One read before the load, so that a refused or missing endpoint gives one clear message. */
    void probe() throws PostingLoad.Unavailable {
        PostingLoad.Reply reply = send.apply(me(tokens.get(0)));
        if (reply == null || reply.statusCode() != 200) {
            throw new PostingLoad.Unavailable("GET /api/me -> " + (reply == null ? "no answer" : reply.statusCode() + " " + reply.body()));
        }
    }

    /** {@code clients} closed-loop clients for warm-up plus {@code seconds}; counts what completed in the measured window. */
    Result run(int clients, int warmupSeconds, int seconds) throws InterruptedException {
        long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long measureUntil = measureFrom + seconds * 1_000_000_000L;
        LongAdder ok = new LongAdder();
        LongAdder other = new LongAdder();
        List<Latencies> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String token = tokens.get(c % tokens.size());
            Latencies mine = new Latencies();
            samples.add(mine);
            Thread client = new Thread(() -> {
                long started;
                while ((started = System.nanoTime()) < measureUntil) {
                    PostingLoad.Reply reply = send.apply(me(token));
                    long finished = System.nanoTime();
                    if (started >= measureFrom && finished < measureUntil) {
                        mine.add(finished - started);
                        (reply != null && reply.statusCode() == 200 ? ok : other).increment();
                    }
                }
            }, "reader-" + c);
            threads.add(client);
            client.start();
        }
        for (Thread client : threads) {
            client.join();
        }
        return new Result(clients, seconds, ok.sum(), other.sum(), Latencies.Percentiles.of(Latencies.mergeSorted(samples)));
    }

    private HttpRequest.Builder me(String token) {
        return HttpRequest.newBuilder(server.resolve("api/me")).header("Authorization", "Bearer " + token).GET();
    }

    /** What one run measured: reads/s counts 200s only; latencies cover every answer in the window. */
    record Result(int clients, int seconds, long reads, long others, Latencies.Percentiles latency) {
        double readsPerSecond() {
            return reads / (double) seconds;
        }
    }
}
