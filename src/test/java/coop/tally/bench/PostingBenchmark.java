package coop.tally.bench;

import coop.tally.support.Folders;
import coop.tally.support.TallyProcess;
import coop.tally.support.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tally's posting throughput next to the raw-JDBC TPC-B ceiling of the same database on the same
 * machine, in one run:
 *
 * <ol>
 *   <li>starts Tally (Payara Micro child process) on a fresh {@code target/bench-data} with
 *       100,000 demo members and reports how long that first start took (boot, schema, seeding);</li>
 *   <li>signs in, finds ~2,000 members with an active share and share draft, and runs closed-loop
 *       HTTP clients posting own-account transfers at 1, 4, 8 and 16 clients (5 s warm-up, 20 s
 *       measured each), sampling the server's peak RSS;</li>
 *   <li>on the same server, right after the postings, runs as many closed-loop clients sending the
 *       cheapest authenticated request, {@code GET /api/me}, at each client count
 *       ({@link ReadLoad}): the authenticated-read ceiling a posting is measured against;</li>
 *   <li>restarts Tally on the same folder to show the boot time without seeding, then stops it, so
 *       that the TPC-B run has the machine to itself;</li>
 *   <li>runs {@link TpcbBaseline} on a fresh {@code target/bench-tpcb} at the same thread counts;</li>
 *   <li>prints one table: clients, postings/s, latency percentiles, TPC-B tps and the ratio, reads/s,
 *       the reads' p99 and postings/s as a share of reads/s.</li>
 * </ol>
 *
 * <p>Run: {@code mvn -B -Pbench verify} (the profile skips the tests and runs this class in its own
 * JVM). The load generator shares the 2 cores with the server, so the figures are a floor.
 *
 * <p>Settings (system properties, passed through by the profile): {@code bench.members} (100000),
 * {@code bench.clients} (1,4,8,16), {@code bench.seconds} (20), {@code bench.warmup} (5),
 * {@code bench.workingSet} (2000), {@code bench.startupTimeout} seconds (900),
 * {@code bench.serverJvm} (extra JVM options for Payara, comma separated), {@code bench.tally}
 * and {@code bench.tpcb} (true: false skips that half), {@code bench.reads} (true: false skips the
 * reads), and those of {@link TpcbBaseline}.
 */
public final class PostingBenchmark {

    private static final List<String> STAFF = List.of("super1", "rep1", "super2", "rep2");
    private static final String DEMO_PASSWORD = "tally-demo";

    public static void main(String[] args) throws Exception {
        int[] clients = BenchSettings.clients();
        TallyFigures tally = BenchSettings.flag("bench.tally", true) ? measureTally(clients) : TallyFigures.skipped("bench.tally=false");

        Baseline baseline = Baseline.none();
        if (BenchSettings.flag("bench.tpcb", true) && TestDatabase.isPostgres()) {
            System.out.println();
            System.out.println("== pgbench -b tpcb-like -M prepared, scale 10, synchronous commit, on the same PostgreSQL ==");
            List<PgbenchBaseline.Result> runs = new PgbenchBaseline(TestDatabase.postgres())
                    .runAll(clients, BenchSettings.integer("pgbench.scale", 10), BenchSettings.integer("tpcb.seconds", 10));
            baseline = new Baseline("pgbench tps", runs.stream().collect(Collectors.toMap(PgbenchBaseline.Result::clients,
                    PgbenchBaseline.Result::tps)));
        } else if (BenchSettings.flag("bench.tpcb", true)) {
            System.out.println();
            System.out.println("== TPC-B baseline (raw JDBC, embedded Derby, durable) ==");
            List<TpcbBaseline.Result> tpcb = TpcbBaseline.fromSystemProperties().runAll(clients, BenchSettings.integer("tpcb.seconds", 10),
                    BenchSettings.integer("tpcb.warmup", 3), BenchSettings.integer("tpcb.reps", 3));
            TpcbBaseline.printTable(tpcb);
            baseline = new Baseline("TPC-B tps", tpcb.stream().collect(Collectors.toMap(TpcbBaseline.Result::threads,
                    result -> result.median().tps())));
        }
        printSummary(clients, tally, baseline);
        if (tally.failure() != null && tally.failure().startsWith("START FAILED")) {
            System.exit(1);
        }
    }

    /** The database's own ceiling at each client count, and what it is called in the table. */
    record Baseline(String name, Map<Integer, Double> tpsByClients) {
        static Baseline none() {
            return new Baseline("baseline", Map.of());
        }
    }

    // ---------------------------------------------------------------- Tally under load

    /** Everything measured on Tally; {@code failure} says why the load part did not run, if it did not. */
    record TallyFigures(Duration firstStart, Duration restart, long rssAfterSeedKb, long peakRssKb,
                        Map<Integer, List<PostingLoad.Result>> runsByServers, Reads reads, String failure) {
        static TallyFigures skipped(String why) {
            return new TallyFigures(null, null, -1, -1, Map.of(), Reads.skipped(why), why);
        }
    }

    /** The authenticated reads, one run per client count; {@code skipped} says why there are none, if there are none. */
    record Reads(Map<Integer, ReadLoad.Result> byClients, String skipped) {
        static Reads skipped(String why) {
            return new Reads(Map.of(), why);
        }
    }

    private static TallyFigures measureTally(int[] clients) throws InterruptedException {
        int members = BenchSettings.integer("bench.members", 100_000);
        Path data = Folders.recreate(Path.of(System.getProperty("bench.data", "target/bench-data")));
        System.out.println("== Tally: first start on " + data + " with " + members + " demo members ==");
        try (TallyProcess server = TallyProcess.on(data)
                .demoMembers(members)
                .jvmOptions(serverJvmOptions())
                .startupTimeout(Duration.ofSeconds(BenchSettings.integer("bench.startupTimeout", 900)))
                .logs(Path.of("target"), "bench-tally")
                .create()) {
            try {
                server.start();
            } catch (RuntimeException e) {
                System.out.println(e.getMessage());
                return TallyFigures.skipped("START FAILED: " + firstLine(e.getMessage()));
            }
            Duration firstStart = server.lastStartDuration();
            long rssAfterSeed = peakRssKb(server.pid());
            System.out.printf("First start (Payara boot + schema + seeding): %.1f s; server peak RSS so far %d MB; log %s%n",
                    seconds(firstStart), rssAfterSeed / 1024, server.logFile());

            Map<Integer, List<PostingLoad.Result>> runs = new TreeMap<>();
            Reads reads = Reads.skipped("the posting load did not run");
            String failure = null;
            try {
                PostingLoad load = prepare(server, members, clients);
                runs.put(1, load(load, clients));
                if (BenchSettings.integer("bench.servers", 1) >= 2) {
                    runs.put(2, loadOnTwoServers(server, load, data, clients));
                }
                reads = reads(load, clients);
            } catch (PostingLoad.Unavailable e) {
                failure = e.getMessage();
                System.out.println("Tally load skipped: " + failure);
            }
            long peakRss = peakRssKb(server.pid());

            System.out.println("Restarting on the same folder (boot without seeding)...");
            Duration restart = null;
            try {
                server.restart();
                restart = server.lastStartDuration();
                // the difference estimates first-start work (database creation, schema, seeding); on a busy machine it is noisy
                System.out.printf("Restart: %.1f s (first start minus restart: %.1f s)%n",
                        seconds(restart), seconds(firstStart) - seconds(restart));
            } catch (RuntimeException e) {
                System.out.println("Restart failed: " + e.getMessage());
            }
            server.stop();
            return new TallyFigures(firstStart, restart, rssAfterSeed, peakRss, runs, reads, failure);
        }
    }

    private static PostingLoad prepare(TallyProcess server, int members, int[] clients)
            throws PostingLoad.Unavailable, InterruptedException {
        PostingLoad load = new PostingLoad(server.baseUri());
        load.signIn(STAFF, DEMO_PASSWORD);
        // each client is its own rep: a staff member holds one open call at a time
        load.provisionClients("admin1", DEMO_PASSWORD, java.util.Arrays.stream(clients).max().orElse(1));
        long began = System.nanoTime();
        List<PostingLoad.Member> workingSet = load.workingSet(members, BenchSettings.integer("bench.workingSet", 2000));
        System.out.printf("Working set: %d members with an active share and share draft (found in %.1f s)%n",
                workingSet.size(), (System.nanoTime() - began) / 1e9);
        load.probe(workingSet.get(0));
        load.useWorkingSet(workingSet);
        double waited = load.awaitSealing("audit1", DEMO_PASSWORD, BenchSettings.integer("bench.sealingWait", 900));
        System.out.println(waited < 0 ? "Sealing had not caught up with the journal; measuring anyway"
                : String.format("Sealing caught up with the journal after %.1f s more", waited));
        return load;
    }

    private static List<PostingLoad.Result> load(PostingLoad load, int[] clients) throws InterruptedException {
        int seconds = BenchSettings.integer("bench.seconds", 20);
        int warmup = BenchSettings.integer("bench.warmup", 5);
        List<PostingLoad.Result> runs = new ArrayList<>();
        for (int c : clients) {
            Instant windowFrom = Instant.now().plusSeconds(warmup);
            PostingLoad.Result run = load.run(load.workingSet(), c, warmup, seconds);
            System.out.printf("Tally %2d clients: %7.1f postings/s  p50 %s ms  p95 %s ms  p99 %s ms  declined %d  conflicts(503) %d  errors %d%n",
                    c, run.postingsPerSecond(), Latencies.Percentiles.ms(run.latency().p50()),
                    Latencies.Percentiles.ms(run.latency().p95()), Latencies.Percentiles.ms(run.latency().p99()),
                    run.declined(), run.conflicts(), run.errors());
            PostingLoad.SealingLag lag = load.sealingLag(windowFrom, windowFrom.plusSeconds(seconds), 60);
            if (lag != null) {
                System.out.printf("      sealing lag of the window's %d entries: p50 %d ms  p99 %d ms  max %d ms%s%n", lag.entries(),
                        lag.p50Millis(), lag.p99Millis(), lag.maxMillis(), lag.unsealed() == 0 ? "" : "  still unsealed " + lag.unsealed());
            }
            runs.add(run);
        }
        return runs;
    }

    /**
     * The authenticated-read ceiling on the same server, right after the postings (same data, same
     * warmed JVM), with the same clients' sign-ins: one run per client count.
     */
    private static Reads reads(PostingLoad load, int[] clients) throws InterruptedException {
        if (!BenchSettings.flag("bench.reads", true)) {
            return Reads.skipped("bench.reads=false");
        }
        ReadLoad reads = load.reads();
        try {
            reads.probe();
        } catch (PostingLoad.Unavailable e) {
            System.out.println("Reads skipped: " + e.getMessage());
            return Reads.skipped(e.getMessage());
        }
        int seconds = BenchSettings.integer("bench.seconds", 20);
        int warmup = BenchSettings.integer("bench.warmup", 5);
        Map<Integer, ReadLoad.Result> runs = new TreeMap<>();
        for (int c : clients) {
            ReadLoad.Result run = reads.run(c, warmup, seconds);
            System.out.printf("Reads %2d clients: %7.1f GET /api/me/s  p50 %s ms  p95 %s ms  p99 %s ms  not 200 %d%n",
                    c, run.readsPerSecond(), Latencies.Percentiles.ms(run.latency().p50()),
                    Latencies.Percentiles.ms(run.latency().p95()), Latencies.Percentiles.ms(run.latency().p99()), run.others());
            runs.put(c, run);
        }
        return new Reads(runs, null);
    }

    /**
     * A second server on the same PostgreSQL database and keys, and the same load spread over both:
     * client c posts to server c mod 2.
     */
    private static List<PostingLoad.Result> loadOnTwoServers(TallyProcess first, PostingLoad load, Path firstData, int[] clients)
            throws InterruptedException {
        if (!TestDatabase.isPostgres()) {
            throw new IllegalStateException("bench.servers=2 needs -Dbench.db=postgres: embedded Derby belongs to one server");
        }
        Path data = Folders.recreate(Path.of(firstData + "-2"));
        TestDatabase.share(data, firstData);
        try (TallyProcess second = TallyProcess.on(data)
                .demoMembers(BenchSettings.integer("bench.members", 100_000))
                .jvmOptions(serverJvmOptions())
                .startupTimeout(Duration.ofSeconds(BenchSettings.integer("bench.startupTimeout", 900)))
                .logs(Path.of("target"), "bench-tally-2")
                .create()) {
            second.start();
            System.out.printf("== Tally: second server on the same database, ready in %.1f s; clients alternate servers ==%n",
                    seconds(second.lastStartDuration()));
            load.spreadOver(List.of(first.baseUri(), second.baseUri()));
            List<PostingLoad.Result> runs = load(load, clients);
            load.spreadOver(List.of(first.baseUri()));
            System.out.printf("Second server's peak RSS: %s%n", mb(peakRssKb(second.pid())));
            return runs;
        }
    }

    private static String[] serverJvmOptions() {
        String options = System.getProperty("bench.serverJvm", "").trim();
        List<String> jvm = new ArrayList<>(options.isEmpty() ? List.of() : List.of(options.split("[,\\s]+")));
        // every server of one database holds the same keys
        jvm.add("-Dtally.keys=" + Path.of("target", "bench-keys").toAbsolutePath());
        // commas, because a Maven command line splits a property's value on spaces
        return jvm.toArray(String[]::new);
    }

    /** VmHWM of /proc/&lt;pid&gt;/status: the process's peak resident set, in kB (-1 where there is no /proc). */
    static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // reported as unknown
        }
        return -1;
    }

    // ---------------------------------------------------------------- the table

    private static void printSummary(int[] clients, TallyFigures tally, Baseline baseline) {
        System.out.println();
        String database = TestDatabase.isPostgres() ? "PostgreSQL 15" : "embedded Derby";
        System.out.println("== Tally postings vs. the database's own ceiling on " + database + " (same machine, durable commits) ==");
        if (tally.firstStart() != null) {
            System.out.printf("First start with demo data: %.1f s (plain restart %.1f s). Server peak RSS: %s after seeding, %s after load.%n",
                    seconds(tally.firstStart()), tally.restart() == null ? Double.NaN : seconds(tally.restart()),
                    mb(tally.rssAfterSeedKb()), mb(tally.peakRssKb()));
        }
        if (tally.failure() != null) {
            System.out.println("Tally load not measured: " + tally.failure());
        }
        System.out.printf("servers | clients | Tally postings/s |  p50 ms |  p95 ms |  p99 ms | %10s |  ratio || reads/s | read p99 ms | postings/reads%n",
                baseline.name());
        Map<Integer, List<PostingLoad.Result>> byServers = tally.runsByServers().isEmpty() ? Map.of(1, List.of()) : tally.runsByServers();
        byServers.forEach((servers, runs) -> {
            for (int c : clients) {
                PostingLoad.Result run = runs.stream().filter(r -> r.clients() == c).findFirst().orElse(null);
                Double baseTps = baseline.tpsByClients().get(c);
                // the reads ran on one server only: they stand beside the one-server postings
                ReadLoad.Result read = servers == 1 ? tally.reads().byClients().get(c) : null;
                Double postings = run == null ? null : run.postingsPerSecond();
                System.out.printf("%7d | %7d | %16s | %7s | %7s | %7s | %10s | %6s || %7s | %11s | %14s%n", servers, c,
                        run == null ? "n/a" : String.format("%.1f", run.postingsPerSecond()),
                        run == null ? "n/a" : Latencies.Percentiles.ms(run.latency().p50()),
                        run == null ? "n/a" : Latencies.Percentiles.ms(run.latency().p95()),
                        run == null ? "n/a" : Latencies.Percentiles.ms(run.latency().p99()),
                        baseTps == null ? "n/a" : String.format("%.0f", baseTps),
                        percent(postings, baseTps),
                        read == null ? "n/a" : String.format("%.1f", read.readsPerSecond()),
                        read == null ? "n/a" : Latencies.Percentiles.ms(read.latency().p99()),
                        percent(postings, read == null ? null : read.readsPerSecond()));
            }
        });
        System.out.println("Tally: one run per client count; latencies over every answer in the window; postings/s counts 201s.");
        System.out.println(tally.reads().skipped() == null
                ? "Reads: GET /api/me with the same clients' tokens, on the same server right after the postings, one run per client count;"
                + System.lineSeparator() + "reads/s counts 200s; postings/reads is postings/s over reads/s (100% = a posting as cheap as a read)."
                : "Reads not measured: " + tally.reads().skipped());
        System.out.println(TestDatabase.isPostgres() ? "pgbench: one run per client count, Tally stopped."
                : "TPC-B: median of repetitions; one branch row serializes its commits (the standard scale-1 ceiling).");
        System.out.println("Load generator and server share the machine's " + Runtime.getRuntime().availableProcessors() + " cores.");
    }

    /** {@code part} as a percentage of {@code whole}, or n/a when either is missing or the whole is zero. */
    static String percent(Double part, Double whole) {
        return part == null || whole == null || whole == 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * part / whole);
    }

    private static String mb(long kb) {
        return kb < 0 ? "unknown" : (kb / 1024) + " MB";
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    private PostingBenchmark() {
    }
}
