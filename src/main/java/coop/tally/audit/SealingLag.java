package coop.tally.audit;

import java.util.Collection;

/**
 * How long the entries posted in a window waited to be sealed into the journal's tree (from their
 * posting time to their leaf's sealing time): sealing that falls behind is a window in which an
 * altered row would not yet be caught. Percentiles are nearest-rank over the sealed entries;
 * entries not sealed yet count apart, with the age of the oldest.
 */
public record SealingLag(int entries, int sealed, long p50Millis, long p99Millis, long maxMillis, long oldestUnsealedMillis) {

    /** The figures from each sealed entry's lag and each unsealed entry's age so far, in milliseconds. */
    public static SealingLag of(Collection<Long> sealedLagsMillis, Collection<Long> unsealedAgesMillis) {
        long[] lags = sealedLagsMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        long oldest = unsealedAgesMillis.stream().mapToLong(Long::longValue).max().orElse(0);
        return new SealingLag(lags.length + unsealedAgesMillis.size(), lags.length, nearestRank(lags, 50),
                nearestRank(lags, 99), lags.length == 0 ? 0 : lags[lags.length - 1], oldest);
    }

    /** The smallest value with at least {@code percent}% of the values at or below it (0 when there are none). */
    static long nearestRank(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
