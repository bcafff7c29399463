package coop.tally.audit;

import coop.tally.crypto.RowMacs;
import coop.tally.ledger.LedgerInvariants;
import coop.tally.platform.DataFolder;
import coop.tally.platform.TallyClock;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Benchmark (a command, not a test) of sealing, verification and replay on a ledger of
 * {@code bench.entries} journal entries (default 1,000,000, two lines each, over 1,000 member
 * accounts), on embedded Derby on disk, with the same classes the server runs, wired by hand:
 *
 * <pre>mvn -B -Pbench-audit process-test-classes [-Dbench.entries=1000000] [-Dbench.repeats=3]</pre>
 *
 * With {@code -Dbench.reuse=true} it keeps the ledger a previous run left in {@code target/bench-audit}
 * and times only the checkpoint, verify, replay and export (for profiling; the load takes minutes);
 * {@code -Dbench.export=false} leaves out the export and the offline verifier. Both are read by the
 * class itself: run it with {@code java -cp <test classpath> coop.tally.audit.AuditBenchmark}.
 *
 * The journal is written in batches of 5,000 entries a commit with {@code derby.system.durability=test}
 * (set-up, not what is measured) while the sealer runs beside it as it does in the server, which
 * shows whether sealing keeps up with a posting rate of that order.
 */
public final class AuditBenchmark {

    private static final int ACCOUNTS = 1_000;
    private static final LocalDate BUSINESS_DATE = LocalDate.of(2025, 1, 2);

    public static void main(String[] args) throws Exception {
        int entries = Integer.getInteger("bench.entries", 1_000_000);
        int repeats = Integer.getInteger("bench.repeats", 3);
        Path folder = Path.of("target/bench-audit");
        boolean reuse = Boolean.getBoolean("bench.reuse") && Files.isDirectory(folder.resolve("db"));
        if (!reuse) {
            deleteRecursively(folder);
            Files.createDirectories(folder);
        }
        System.setProperty("derby.system.durability", "test");
        System.setProperty("derby.storage.pageCacheSize", "16000");
        System.setProperty("derby.stream.error.file", folder.resolve("derby.log").toString());
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        TallyClock clock = new TallyClock();
        set(clock, "zone", "America/Chicago"); // the container's default, for the export's dates
        DataFolder data = new DataFolder();
        set(data, "location", folder.resolve("data").toString());
        set(data, "keysLocation", java.util.Optional.empty());
        set(data, "keysLocation", java.util.Optional.empty());
        // no row MAC key: the loaded entries carry no MACs, and are sealed as a data folder from
        // before MACs is, under the checkpoint that fixes the legacy boundary (see Authenticity)
        RowMacs rowMacs = new RowMacs();
        set(rowMacs, "dataFolder", data);
        Sealer sealer = new Sealer();
        set(sealer, "dataSource", dataSource);
        set(sealer, "clock", clock);
        set(sealer, "rowMacs", rowMacs);

        // the sealer runs as in the server (a pass a second, fixed delay) while the journal is written
        java.util.concurrent.ScheduledExecutorService schedule = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        schedule.scheduleWithFixedDelay(() -> {
            try {
                sealer.sealPending();
            } catch (SQLException e) {
                e.printStackTrace();
            }
        }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        long started = start();
        if (reuse) {
            schedule.shutdown();
            System.out.println("reusing the ledger in " + folder);
        } else {
            load(dataSource, entries);
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("load %d entries: %.1f s (%.0f entries/s committed, in batches of 5,000)%n", entries,
                loadSeconds, entries / loadSeconds);
        long catchUp = System.nanoTime();
        schedule.shutdown();
        schedule.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        int rest = sealer.sealPending();
        System.out.printf("sealer done %.2f s after the load ended (%d entries left for a last pass)%n",
                (System.nanoTime() - catchUp) / 1e9, rest);
        reportSealingLag(dataSource);
        if (reuse) {
            // a running server's sealer passes every second, so its scan floor has risen past the
            // journal when a checkpoint seals; a sealer just made scans the whole journal (above)
            Thread.sleep(ScanFloor.RECHECK.toMillis() + 500);
            sealer.sealPending();
        }

        SigningKey key = new SigningKey();
        set(key, "dataFolder", data);
        Checkpoints checkpoints = new Checkpoints();
        set(checkpoints, "dataSource", dataSource);
        set(checkpoints, "sealer", sealer);
        set(checkpoints, "key", key);
        set(checkpoints, "clock", clock);
        started = start();
        Checkpoint checkpoint = checkpoints.create(Authenticity.MAC_KEY_CREATED);
        report("checkpoint of " + checkpoint.treeSize() + " leaves (cold tree: from the frontier saved with the"
                + " newest checkpoint, or from every leaf when there is none)", started);
        started = start();
        checkpoint = checkpoints.create(Checkpoints.ON_DEMAND);
        report("checkpoint of " + checkpoint.treeSize() + " leaves (warm tree)", started);
        Checkpoints restarted = new Checkpoints(); // as after a start, in a JVM whose code is warm
        set(restarted, "dataSource", dataSource);
        set(restarted, "sealer", sealer);
        set(restarted, "key", key);
        set(restarted, "clock", clock);
        started = start();
        checkpoint = restarted.create(Checkpoints.ON_DEMAND);
        report("checkpoint of " + checkpoint.treeSize() + " leaves (cold tree again, warm JVM)", started);

        Verification verification = new Verification();
        set(verification, "dataSource", dataSource);
        set(verification, "key", key);
        set(verification, "clock", clock);
        set(verification, "rowMacs", rowMacs);
        for (int i = 0; i < repeats; i++) {
            started = start();
            Verification.Report report = verification.verify();
            report("verify " + report.leavesChecked() + " leaves, ok=" + report.ok() + " " + report.problems().stream()
                    .collect(java.util.stream.Collectors.groupingBy(Problem::kind, java.util.stream.Collectors.counting()))
                    + (report.truncated() ? " (problems truncated)" : ""), started);
        }

        LedgerInvariants invariants = new LedgerInvariants();
        set(invariants, "dataSource", dataSource);
        Replay replay = new Replay();
        set(replay, "dataSource", dataSource);
        set(replay, "invariants", invariants);
        for (int i = 0; i < repeats; i++) {
            started = start();
            Replay.Report report = replay.replay();
            report("replay " + report.members().entriesChecked() + " entries, ok=" + report.ok(), started);
        }
        started = start();
        replay.balanceAsOf("900001-S00", Instant.now());
        report("one account's balance as of now", started);

        if (!Boolean.parseBoolean(System.getProperty("bench.export", "true"))) {
            return;
        }
        Export export = new Export();
        set(export, "dataSource", dataSource);
        set(export, "key", key);
        set(export, "clock", clock);
        Path file = folder.resolve("export.jsonl");
        started = start();
        try (var out = Files.newOutputStream(file)) {
            export.write(BUSINESS_DATE, BUSINESS_DATE, out);
        }
        report("export of the day (" + Files.size(file) / 1_000_000 + " MB)", started);
        started = start();
        Process verifier = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "src/main/verifier/TallyVerify.java", file.toString()).redirectErrorStream(true).start();
        String output = new String(verifier.getInputStream().readAllBytes()).trim();
        verifier.waitFor();
        report("offline verifier (java TallyVerify.java, including its compilation): " + output, started);
    }

    private static void load(DataSource dataSource, int entries) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long[] accountIds = new long[ACCOUNTS];
            long[] balances = new long[ACCOUNTS];
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO member (member_number, first_name, last_name, last_name_key,"
                        + " full_name_key, date_of_birth, ssn_encrypted, ssn_last4, status, joined_on) VALUES"
                        + " ('900001', 'Bench', 'Mark', 'MARK', 'BENCH MARK', '1970-01-01', 'x', '0000', 'ACTIVE', '2020-01-01')");
            }
            try (PreparedStatement account = connection.prepareStatement("INSERT INTO member_account (account_number,"
                    + " member_id, account_type, status, opened_on) VALUES (?, (SELECT id FROM member WHERE member_number"
                    + " = '900001'), 'SHARE', 'ACTIVE', '2020-01-01')", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < ACCOUNTS; i++) {
                    account.setString(1, String.format("9%05d-S00", i + 1));
                    account.executeUpdate();
                    try (var keys = account.getGeneratedKeys()) {
                        keys.next();
                        accountIds[i] = keys.getLong(1);
                    }
                }
            }
            try (PreparedStatement entry = connection.prepareStatement("INSERT INTO journal_entry (id, entry_type,"
                    + " business_date, posted_at, posted_by, idempotency_key, memo) VALUES (?, 'DEPOSIT', ?, ?, 'rep1', ?, ?)");
                 PreparedStatement line = connection.prepareStatement("INSERT INTO journal_line (entry_id, line_no,"
                         + " account_kind, account_ref, member_account_id, gl_code, side, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int id = 1; id <= entries; id++) {
                    int account = id % ACCOUNTS;
                    long cents = 100 + (id * 7919L) % 100_000;
                    balances[account] += cents;
                    entry.setLong(1, id);
                    entry.setDate(2, Date.valueOf(BUSINESS_DATE));
                    entry.setTimestamp(3, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)));
                    entry.setString(4, "bench-" + id);
                    entry.setString(5, "benchmark deposit " + id);
                    entry.addBatch();
                    addLine(line, id, 1, "G", "2900", null, "2900", "D", cents);
                    addLine(line, id, 2, "M", String.format("9%05d-S00", account + 1), accountIds[account], null, "C", cents);
                    if (id % 5_000 == 0 || id == entries) {
                        entry.executeBatch();
                        line.executeBatch();
                        connection.commit();
                    }
                }
            }
            try (PreparedStatement balance = connection.prepareStatement(
                    "UPDATE member_account SET ledger_balance = ?, available_balance = ? WHERE id = ?")) {
                for (int i = 0; i < ACCOUNTS; i++) {
                    BigDecimal amount = BigDecimal.valueOf(balances[i], 2);
                    balance.setBigDecimal(1, amount);
                    balance.setBigDecimal(2, amount);
                    balance.setLong(3, accountIds[i]);
                    balance.addBatch();
                }
                balance.executeBatch();
            }
            try (Statement statement = connection.createStatement()) {
                // later inserts through the identity column must not collide with the explicit ids
                statement.executeUpdate("ALTER TABLE journal_entry ALTER COLUMN id RESTART WITH " + (entries + 1));
            }
            connection.commit();
        }
    }

    private static void addLine(PreparedStatement line, long entryId, int lineNo, String kind, String ref, Long accountId,
                                String glCode, String side, long cents) throws SQLException {
        line.setLong(1, entryId);
        line.setInt(2, lineNo);
        line.setString(3, kind);
        line.setString(4, ref);
        line.setObject(5, accountId, java.sql.Types.BIGINT);
        line.setString(6, glCode);
        line.setString(7, side);
        line.setBigDecimal(8, BigDecimal.valueOf(cents, 2));
        line.addBatch();
    }

    /** Sealing lag per entry: sealed_at − posted_at (posted_at is taken as the row is written, before its batch commits). */
    private static void reportSealingLag(DataSource dataSource) throws SQLException {
        long[] lags = new long[1024];
        int n = 0;
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(
                     "SELECT l.sealed_at, e.posted_at FROM merkle_leaf l JOIN journal_entry e ON e.id = l.entry_id")) {
            while (rows.next()) {
                if (n == lags.length) {
                    lags = java.util.Arrays.copyOf(lags, n * 2);
                }
                lags[n++] = rows.getTimestamp(1).getTime() - rows.getTimestamp(2).getTime();
            }
        }
        long[] sorted = java.util.Arrays.copyOf(lags, n);
        java.util.Arrays.sort(sorted);
        System.out.printf("sealing lag (sealed_at - posted_at) over %d entries: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                n, sorted[n / 2], sorted[n * 9 / 10], sorted[n * 99 / 100], sorted[n - 1]);
    }

    /** CPU time of the whole process when the step began: on a machine shared with other work, wall time is not enough. */
    private static long cpuAtStart;

    private static void report(String what, long startedNanos) {
        long cpu = processCpuNanos();
        System.out.printf("%s: %.2f s (CPU %.2f s)%n", what, (System.nanoTime() - startedNanos) / 1e9, (cpu - cpuAtStart) / 1e9);
    }

    /** Marks the start of a timed step: its wall time and the process's CPU time. */
    private static long start() {
        cpuAtStart = processCpuNanos();
        return System.nanoTime();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
