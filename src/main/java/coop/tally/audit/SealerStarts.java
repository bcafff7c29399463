package coop.tally.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * When a sealer started: the security log's {@value #EVENT} events, one per server start. An entry
 * committed just before a server stopped (a crash, a power cut, the last second before a backup was
 * taken) waits for the next sealer; if that was minutes later, its leaf is late for a reason.
 * Verification excuses a late leaf when a sealer started after the entry was posted and sealed it
 * within the usual delay of that start. A row inserted behind Tally's back while a sealer runs is
 * sealed by that sealer within a second of being written, far from any start, and stays named; and
 * the start events themselves are rows of the security log, with a MAC only Tally can write.
 */
final class SealerStarts {

    static final String EVENT = "SEALER_STARTED";

    /** Start times, µs since the epoch, ascending. */
    private final long[] startedAt;

    SealerStarts(long[] startedAtMicros) {
        this.startedAt = startedAtMicros.clone();
        Arrays.sort(this.startedAt);
    }

    static SealerStarts read(Connection connection) throws SQLException {
        long[] starts = new long[16];
        int count = 0;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT occurred_at FROM security_event WHERE event_type = '" + EVENT + "'");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, rows.getTimestamp(1).toInstant());
            }
        }
        return new SealerStarts(Arrays.copyOf(starts, count));
    }

    /**
     * Whether a sealer started after the entry was posted and sealed it within {@code delay} of its
     * start: the first start after the posting is the one that counts (any later start came after a
     * sealer had run, and that sealer would have sealed the entry).
     */
    boolean explainsLateness(long postedAtMicros, long sealedAtMicros, Duration delay) {
        int at = Arrays.binarySearch(startedAt, postedAtMicros);
        int first = at >= 0 ? at : -at - 1;
        if (first == startedAt.length) {
            return false;
        }
        long start = startedAt[first];
        return start <= sealedAtMicros && sealedAtMicros - start <= delay.toNanos() / 1_000;
    }
}
