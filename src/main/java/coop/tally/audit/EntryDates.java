package coop.tally.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Whether an entry is dated to a business date that had already passed when it was posted, without
 * the supervisor's approval that allows it (an override approved for reason BUSINESS_DATE).
 *
 * <p>The business date open at an instant is the newest business day opened by then. A posting
 * reads the business date before it stamps its time, and servers re-read it at most once a second,
 * so an entry posted in the moments after a new day was opened may rightly carry the day before:
 * the date is judged at {@link #GRACE} before the posting time.
 */
final class EntryDates {

    static final Duration GRACE = Duration.ofMinutes(1);

    /** Opening time (µs since the epoch) → business date opened then. */
    private final NavigableMap<Long, LocalDate> openedAt;
    private final Set<Long> approvedBusinessDate;

    EntryDates(Map<Instant, LocalDate> daysOpenedAt, Set<Long> approvedBusinessDate) {
        this.openedAt = new TreeMap<>();
        daysOpenedAt.forEach((at, date) -> openedAt.merge(micros(at), date, (a, b) -> a.isAfter(b) ? a : b));
        this.approvedBusinessDate = Set.copyOf(approvedBusinessDate);
    }

    /** The business days and the approvals of reason BUSINESS_DATE that a supervisor approved. */
    static EntryDates read(Connection connection) throws SQLException {
        Map<Instant, LocalDate> days = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT business_date, opened_at FROM business_day");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                days.put(rows.getTimestamp(2).toInstant(), rows.getDate(1).toLocalDate());
            }
        }
        Set<Long> approved = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT r.id FROM approval_request r"
                + " JOIN approval_event e ON e.request_id = r.id AND e.event_type = 'APPROVED'"
                + " WHERE r.reasons LIKE '%\"BUSINESS_DATE\"%'");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                approved.add(rows.getLong(1));
            }
        }
        return new EntryDates(days, approved);
    }

    /** Whether the entry is back-dated without an approval of its business date. */
    boolean backdatedWithoutApproval(LocalDate businessDate, long postedAtMicros, Long approvalId) {
        LocalDate open = openAt(postedAtMicros);
        if (open == null || !businessDate.isBefore(open)) {
            return false;
        }
        return approvalId == null || !approvedBusinessDate.contains(approvalId);
    }

    /** The business date open at that time, or null before the first day. */
    LocalDate openAt(long postedAtMicros) {
        Map.Entry<Long, LocalDate> open = openedAt.floorEntry(postedAtMicros - GRACE.toNanos() / 1_000);
        return open == null ? null : open.getValue();
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }
}
