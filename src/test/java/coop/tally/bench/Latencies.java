package coop.tally.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latency samples of one worker thread, in nanoseconds. A plain growable {@code long[]} rather than
 * a histogram library: a 20 s run at a few thousand operations per second is a few MB at most,
 * and sorting all samples gives exact percentiles.
 */
final class Latencies {

    private long[] samples = new long[1 << 14];
    private int size;

    void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** All samples of all workers, sorted, for {@link Percentiles#of(long[])}. */
    static long[] mergeSorted(Collection<Latencies> perWorker) {
        long[] all = new long[perWorker.stream().mapToInt(Latencies::size).sum()];
        int at = 0;
        for (Latencies one : perWorker) {
            System.arraycopy(one.samples, 0, all, at, one.size);
            at += one.size;
        }
        Arrays.sort(all);
        return all;
    }

    /** p50/p95/p99 by the nearest-rank method, in nanoseconds; zero when there were no samples. */
    record Percentiles(long p50, long p95, long p99) {

        static final Percentiles NONE = new Percentiles(0, 0, 0);

        static Percentiles of(long[] sorted) {
            if (sorted.length == 0) {
                return NONE;
            }
            return new Percentiles(rank(sorted, 50), rank(sorted, 95), rank(sorted, 99));
        }

        private static long rank(long[] sorted, int percent) {
            int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        /** Milliseconds with one or two decimals, for tables. */
        static String ms(long nanos) {
            double ms = nanos / 1_000_000.0;
            return ms < 10 ? String.format("%.2f", ms) : String.format("%.1f", ms);
        }
    }
}
