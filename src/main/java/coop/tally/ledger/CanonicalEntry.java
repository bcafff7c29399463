package coop.tally.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A committed journal entry (header and lines) exactly as it takes part in tamper evidence; see
 * {@link EntryEncoding} for its bytes. Optional values are {@code null} when absent; an empty
 * string is a present value and encodes differently from an absent one.
 *
 * <p>Two things are normalised here so that the same stored rows always give the same bytes:
 * lines are ordered by line number (whatever order the database returned them in), and
 * {@code postedAt} must already be whole microseconds (truncate with
 * {@code instant.truncatedTo(ChronoUnit.MICROS)} <em>before</em> storing it, because databases keep
 * microseconds and a hash over nanoseconds would not survive the round trip).
 *
 * <p>Bookkeeping (balance, line count) is deliberately not checked: verification must be able to
 * encode a tampered entry in order to report it.
 *
 * @param entryId          the journal entry id
 * @param type             the entry type
 * @param businessDate     the business date the entry belongs to (credit union's time zone)
 * @param postedAt         when it was committed, whole microseconds
 * @param staffUsername    the acting staff member's username
 * @param sessionId        the member call or visit it belongs to, or null
 * @param approvalId       the supervisor approval that allowed it, or null
 * @param approvedBy       the supervisor who approved it, or null
 * @param idempotencyKey   the client's Idempotency-Key, or null
 * @param memo             free text, or null
 * @param reversesEntryId  for a reversal, the id of the entry it reverses, or null
 * @param reasonCode       for a reversal, why (POSTING_ERROR, MEMBER_REQUEST, ...), or null
 * @param lines            the lines, any order, distinct line numbers
 */
public record CanonicalEntry(
        long entryId,
        EntryType type,
        LocalDate businessDate,
        Instant postedAt,
        String staffUsername,
        String sessionId,
        Long approvalId,
        String approvedBy,
        String idempotencyKey,
        String memo,
        Long reversesEntryId,
        String reasonCode,
        List<CanonicalLine> lines) {

    public CanonicalEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(staffUsername, "staffUsername");
        if (postedAt.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException("postedAt must be whole microseconds: " + postedAt);
        }
        List<CanonicalLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(CanonicalLine::lineNumber));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).lineNumber() == sorted.get(i - 1).lineNumber()) {
                throw new IllegalArgumentException("Duplicate line number " + sorted.get(i).lineNumber()
                        + " in entry " + entryId);
            }
        }
        lines = List.copyOf(sorted);
    }

    /** An entry without an approver (every entry sealed before approvers were recorded). */
    public CanonicalEntry(long entryId, EntryType type, LocalDate businessDate, Instant postedAt, String staffUsername,
                          String sessionId, Long approvalId, String idempotencyKey, String memo,
                          Long reversesEntryId, String reasonCode, List<CanonicalLine> lines) {
        this(entryId, type, businessDate, postedAt, staffUsername, sessionId, approvalId, null, idempotencyKey, memo,
                reversesEntryId, reasonCode, lines);
    }
}
