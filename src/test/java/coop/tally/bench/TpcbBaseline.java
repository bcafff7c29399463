package coop.tally.bench;

import coop.tally.support.Folders;
import org.apache.derby.jdbc.EmbeddedDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling for Tally's posting path: TPC-B as raw JDBC on embedded Derby, durable commits (Derby's
 * default: the log is forced to disk at every commit), in a folder under {@code target/}.
 *
 * <p>One transaction is the five TPC-B statements (UPDATE accounts, SELECT abalance, UPDATE tellers,
 * UPDATE branches, INSERT history), autocommit off, one commit. Nothing Tally does per posting
 * (HTTP, JSON, security, JPA, idempotency, a balanced journal entry) is here, so Tally's rate over
 * this one says how much of the database's capacity the application keeps.
 *
 * <p>With one branch every transaction updates the same branch row, so transactions serialize on
 * that row from their UPDATE branches to their commit. That is TPC-B as specified for scale 1 and the
 * usual reference figure; it is not a flaw of this harness.
 *
 * <p>Run alone: {@code mvn -B -Pbench verify -Dbench.tally=false}. Settings (system properties):
 * {@code tpcb.folder}, {@code tpcb.branches} (1), {@code tpcb.tellers} (10), {@code tpcb.accounts}
 * (100000), {@code bench.clients} (1,4,8,16), {@code tpcb.seconds} (10), {@code tpcb.warmup} (3),
 * {@code tpcb.reps} (3). Any {@code -Dderby.*} property reaches Derby unchanged.
 */
public final class TpcbBaseline {

    /** Deadlock and lock timeout: the transaction rolled back and is retried. */
    private static final List<String> RETRYABLE = List.of("40001", "40XL1");

    private final Path folder;
    private final int branches;
    private final int tellers;
    private final int accounts;
    private EmbeddedDataSource dataSource;

    TpcbBaseline(Path folder, int branches, int tellers, int accounts) {
        this.folder = folder;
        this.branches = branches;
        this.tellers = tellers;
        this.accounts = accounts;
    }

    public static void main(String[] args) throws Exception {
        TpcbBaseline tpcb = fromSystemProperties();
        List<Result> results = tpcb.runAll(BenchSettings.clients(), BenchSettings.integer("tpcb.seconds", 10),
                BenchSettings.integer("tpcb.warmup", 3), BenchSettings.integer("tpcb.reps", 3));
        printTable(results);
    }

    static TpcbBaseline fromSystemProperties() {
        return new TpcbBaseline(Path.of(System.getProperty("tpcb.folder", "target/tpcb-data")),
                BenchSettings.integer("tpcb.branches", 1), BenchSettings.integer("tpcb.tellers", 10),
                BenchSettings.integer("tpcb.accounts", 100_000));
    }

    /** Creates and fills a fresh database, runs every thread count {@code reps} times, shuts Derby down. */
    List<Result> runAll(int[] threadCounts, int seconds, int warmupSeconds, int reps) throws Exception {
        open();
        try {
            List<Result> results = new ArrayList<>();
            for (int threads : threadCounts) {
                List<Run> runs = new ArrayList<>();
                for (int rep = 1; rep <= reps; rep++) {
                    Run run = run(threads, seconds, warmupSeconds);
                    System.out.printf("TPC-B %2d threads, rep %d/%d: %7.0f tps  p50 %s ms  p95 %s ms  p99 %s ms  retries %d%n",
                            threads, rep, reps, run.tps, Latencies.Percentiles.ms(run.latency.p50()),
                            Latencies.Percentiles.ms(run.latency.p95()), Latencies.Percentiles.ms(run.latency.p99()),
                            run.retries);
                    runs.add(run);
                }
                results.add(Result.medianOf(threads, runs));
            }
            return results;
        } finally {
            close();
        }
    }

    // ---------------------------------------------------------------- database

    private void open() throws SQLException {
        Path db = Folders.recreate(folder).resolve("db").toAbsolutePath();
        System.setProperty("derby.stream.error.file", folder.resolve("derby.log").toAbsolutePath().toString());
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(db.toString());
        dataSource.setCreateDatabase("create");
        long began = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            createTables(connection);
            fill(connection);
        }
        System.out.printf("TPC-B database: %d branch(es), %d tellers, %d accounts in %s (filled in %.1f s)%n",
                branches, tellers, accounts, db, (System.nanoTime() - began) / 1e9);
    }

    private void close() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(dataSource.getDatabaseName());
        shutdown.setShutdownDatabase("shutdown");
        try {
            shutdown.getConnection().close();
        } catch (SQLException expected) {
            // Derby answers a clean shutdown with SQLState 08006.
        }
    }

    /** The pgbench layout: fixed-width filler so rows have TPC-B's size. */
    private static void createTables(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE branches (bid INT NOT NULL PRIMARY KEY, bbalance BIGINT NOT NULL, filler CHAR(88))");
            ddl.execute("CREATE TABLE tellers (tid INT NOT NULL PRIMARY KEY, bid INT NOT NULL, tbalance BIGINT NOT NULL, filler CHAR(84))");
            // accounts gets its primary key after the fill: building the index once is much faster
            ddl.execute("CREATE TABLE accounts (aid INT NOT NULL, bid INT NOT NULL, abalance BIGINT NOT NULL, filler CHAR(84))");
            ddl.execute("CREATE TABLE history (tid INT, bid INT, aid INT, delta BIGINT, mtime TIMESTAMP, filler CHAR(22))");
        }
    }

    private void fill(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        insertRows(connection, "INSERT INTO branches VALUES (?, 0, '')", branches, null);
        insertRows(connection, "INSERT INTO tellers VALUES (?, ?, 0, '')", tellers, this::branchOfTeller);
        insertRows(connection, "INSERT INTO accounts VALUES (?, ?, 0, '')", accounts, this::branchOfAccount);
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE accounts ADD CONSTRAINT accounts_pk PRIMARY KEY (aid)");
            // Write the fill's dirty pages now, so that the first measured run does not pay for them.
            ddl.execute("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()");
        }
    }

    private interface BranchOf {
        int of(int id);
    }

    /** Inserts rows 1..rows in batches; {@code branchOf} fills the second parameter, when there is one. */
    private static void insertRows(Connection connection, String sql, int rows, BranchOf branchOf) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int id = 1; id <= rows; id++) {
                insert.setInt(1, id);
                if (branchOf != null) {
                    insert.setInt(2, branchOf.of(id));
                }
                insert.addBatch();
                if (id % 1000 == 0) {
                    insert.executeBatch();
                }
                if (id % 20_000 == 0) {
                    connection.commit();
                }
            }
            insert.executeBatch();
        }
    }

    private int branchOfTeller(int tid) {
        return (tid - 1) / (tellers / branches) + 1;
    }

    private int branchOfAccount(int aid) {
        return (aid - 1) / (accounts / branches) + 1;
    }

    // ---------------------------------------------------------------- one measured run

    /** One thread count, once: warm-up, then {@code seconds} of measurement. */
    Run run(int threads, int seconds, int warmupSeconds) throws InterruptedException {
        long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long measureUntil = measureFrom + seconds * 1_000_000_000L;
        AtomicLong retries = new AtomicLong();
        List<Latencies> samples = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < threads; i++) {
            Latencies mine = new Latencies();
            samples.add(mine);
            Thread worker = new Thread(() -> {
                try {
                    work(mine, retries, measureFrom, measureUntil);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "tpcb-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a TPC-B worker failed", failures.get(0));
        }
        long[] sorted = Latencies.mergeSorted(samples);
        return new Run(sorted.length / (double) seconds, Latencies.Percentiles.of(sorted), retries.get());
    }

    /** Each worker owns a connection and its statements, as a pooled server thread would. */
    private void work(Latencies samples, AtomicLong retries, long measureFrom, long measureUntil) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Transaction transaction = new Transaction(connection)) {
            connection.setAutoCommit(false);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long now;
            while ((now = System.nanoTime()) < measureUntil) {
                long started = now;
                int tid = random.nextInt(tellers) + 1;
                int aid = random.nextInt(accounts) + 1;
                int delta = random.nextInt(-5000, 5001);
                while (true) {
                    try {
                        transaction.execute(aid, tid, branchOfTeller(tid), delta);
                        break;
                    } catch (SQLException e) {
                        connection.rollback();
                        if (!RETRYABLE.contains(e.getSQLState())) {
                            throw e;
                        }
                        retries.incrementAndGet();
                    }
                }
                long finished = System.nanoTime();
                if (started >= measureFrom && finished < measureUntil) {
                    samples.add(finished - started);
                }
            }
        }
    }

    /** The five TPC-B statements, prepared once per connection. */
    private static final class Transaction implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement updateAccount;
        private final PreparedStatement selectBalance;
        private final PreparedStatement updateTeller;
        private final PreparedStatement updateBranch;
        private final PreparedStatement insertHistory;

        Transaction(Connection connection) throws SQLException {
            this.connection = connection;
            updateAccount = connection.prepareStatement("UPDATE accounts SET abalance = abalance + ? WHERE aid = ?");
            selectBalance = connection.prepareStatement("SELECT abalance FROM accounts WHERE aid = ?");
            updateTeller = connection.prepareStatement("UPDATE tellers SET tbalance = tbalance + ? WHERE tid = ?");
            updateBranch = connection.prepareStatement("UPDATE branches SET bbalance = bbalance + ? WHERE bid = ?");
            insertHistory = connection.prepareStatement(
                    "INSERT INTO history (tid, bid, aid, delta, mtime) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)");
        }

        void execute(int aid, int tid, int bid, int delta) throws SQLException {
            updateAccount.setInt(1, delta);
            updateAccount.setInt(2, aid);
            updateAccount.executeUpdate();
            selectBalance.setInt(1, aid);
            try (ResultSet balance = selectBalance.executeQuery()) {
                balance.next();
                balance.getLong(1);
            }
            updateTeller.setInt(1, delta);
            updateTeller.setInt(2, tid);
            updateTeller.executeUpdate();
            updateBranch.setInt(1, delta);
            updateBranch.setInt(2, bid);
            updateBranch.executeUpdate();
            insertHistory.setInt(1, tid);
            insertHistory.setInt(2, bid);
            insertHistory.setInt(3, aid);
            insertHistory.setInt(4, delta);
            insertHistory.executeUpdate();
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : List.of(updateAccount, selectBalance, updateTeller, updateBranch, insertHistory)) {
                statement.close();
            }
        }
    }

    // ---------------------------------------------------------------- results

    record Run(double tps, Latencies.Percentiles latency, long retries) {
    }

    /** The median repetition by tps (its latencies with it), all repetitions' tps, total retries. */
    record Result(int threads, Run median, double[] allTps, long retries) {

        static Result medianOf(int threads, List<Run> runs) {
            List<Run> byTps = new ArrayList<>(runs);
            byTps.sort(Comparator.comparingDouble(Run::tps));
            return new Result(threads, byTps.get(byTps.size() / 2),
                    runs.stream().mapToDouble(Run::tps).toArray(),
                    runs.stream().mapToLong(Run::retries).sum());
        }

        String allTpsText() {
            return String.join(" / ", Arrays.stream(allTps).mapToObj(tps -> String.format("%.0f", tps)).toList());
        }
    }

    static void printTable(List<Result> results) {
        System.out.println();
        System.out.println("TPC-B on embedded Derby, durable commits (median of repetitions)");
        System.out.println("threads |    tps |  p50 ms |  p95 ms |  p99 ms | retries | tps of each repetition");
        for (Result result : results) {
            Latencies.Percentiles latency = result.median().latency();
            System.out.printf("%7d | %6.0f | %7s | %7s | %7s | %7d | %s%n", result.threads(), result.median().tps(),
                    Latencies.Percentiles.ms(latency.p50()), Latencies.Percentiles.ms(latency.p95()),
                    Latencies.Percentiles.ms(latency.p99()), result.retries(), result.allTpsText());
        }
        System.out.println("Note: with one branch row every transaction updates the same row, so commits serialize on");
        System.out.println("it; that is the standard TPC-B scale-1 ceiling. Retries = deadlocks (40001) and lock timeouts (40XL1).");
    }
}
