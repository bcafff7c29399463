package coop.tally.bench;

import coop.tally.support.ThrowawayPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling for Tally's posting path on PostgreSQL: PostgreSQL's own {@code pgbench -b tpcb-like
 * -M prepared} (synchronous commit on, the server's default) at scale 10, on the same server Tally's
 * database is on, at the same client counts. Runs with Tally stopped, so that it has the machine
 * to itself, as Tally had it during its load.
 */
final class PgbenchBaseline {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    /** One pgbench run: transactions per second and the mean latency. */
    record Result(int clients, double tps, double latencyMs) {
    }

    private final ThrowawayPostgres postgres;
    private final String database = "pgbench";

    PgbenchBaseline(ThrowawayPostgres postgres) {
        this.postgres = postgres;
    }

    List<Result> runAll(int[] clients, int scale, int seconds) throws Exception {
        postgres.createDatabase(database, "postgres");
        long began = System.nanoTime();
        pgbench("-i", "-q", "-s", Integer.toString(scale));
        System.out.printf("pgbench -i -s %d: %.1f s%n", scale, (System.nanoTime() - began) / 1e9);
        List<Result> results = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        for (int c : clients) {
            String output = pgbench("-b", "tpcb-like", "-M", "prepared", "-c", Integer.toString(c),
                    "-j", Integer.toString(Math.min(c, cores)), "-T", Integer.toString(seconds));
            Result result = new Result(c, number(TPS, output), number(LATENCY, output));
            System.out.printf(Locale.ROOT, "pgbench %2d clients: %8.0f tps  latency average %.2f ms%n", c, result.tps(), result.latencyMs());
            results.add(result);
        }
        return results;
    }

    private String pgbench(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(postgres.program("pgbench").toString(),
                "-h", "127.0.0.1", "-p", Integer.toString(postgres.port()), "-U", "postgres"));
        command.addAll(List.of(arguments));
        command.add(database);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed: " + String.join(" ", command) + "\n" + output);
        }
        return output;
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench said no " + pattern + ":\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
