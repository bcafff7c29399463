package coop.tally.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Everything about a journal entry except its lines: who, when, in which call, under which
 * approval (and by which supervisor) and idempotency key, and for a reversal what it reverses and why. The posting time is
 * kept to whole microseconds so that the stored value and the hashed value are the same.
 */
public record EntryHeader(EntryType type, LocalDate businessDate, Instant postedAt, String postedBy,
                          String sessionId, Long approvalId, String idempotencyKey, String memo,
                          Long reversesEntryId, String reasonCode, String approvedBy) {

    public EntryHeader {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(postedAt, "postedAt");
        Objects.requireNonNull(postedBy, "postedBy");
        postedAt = postedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** An entry no supervisor approved. */
    public EntryHeader(EntryType type, LocalDate businessDate, Instant postedAt, String postedBy, String sessionId,
                       Long approvalId, String idempotencyKey, String memo, Long reversesEntryId, String reasonCode) {
        this(type, businessDate, postedAt, postedBy, sessionId, approvalId, idempotencyKey, memo, reversesEntryId,
                reasonCode, null);
    }

    /** The same header, posted under a supervisor's approval: both the maker and the approver are on the entry. */
    public EntryHeader approvedAs(long approval, String approver) {
        return new EntryHeader(type, businessDate, postedAt, postedBy, sessionId, approval, idempotencyKey, memo,
                reversesEntryId, reasonCode, Objects.requireNonNull(approver, "approver"));
    }

    public static EntryHeader posting(EntryType type, LocalDate businessDate, Instant postedAt, String postedBy,
                                      String sessionId, String idempotencyKey, String memo) {
        return new EntryHeader(type, businessDate, postedAt, postedBy, sessionId, null, idempotencyKey, memo, null, null);
    }
}
