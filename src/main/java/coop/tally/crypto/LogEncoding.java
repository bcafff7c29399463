package coop.tally.crypto;


import java.time.Instant;

/**
 * The canonical byte encoding of a row of the call log ({@code call_event}) and of the security log
 * ({@code security_event}). A log leaf hash is {@code SHA-256(0x00 || encode(row))}; this class only
 * produces the bytes.
 *
 * <h2>Format, version 1</h2>
 *
 * The primitives are those of {@link coop.tally.ledger.EntryEncoding}: <b>u8</b>, big-endian
 * <b>i64</b>, <b>str</b> (i32 big-endian UTF-8 byte length, then the bytes; unpaired surrogates are
 * refused), <b>opt-str</b> ({@code 00} when absent, or {@code 01} then a <b>str</b>, so an empty
 * string {@code 01 00000000} differs from absent {@code 00}). Timestamps are i64 microseconds since
 * 1970-01-01T00:00:00Z.
 *
 * <p>Every row starts with u8 format version {@code 0x01}, then str the log name
 * ({@code "call_event"} or {@code "security_event"}), so that a row of one log never encodes to the
 * bytes of a row of the other (each log also has a tree of its own).
 *
 * <p>call_event, after the header: i64 id, str call_id, i64 occurred_at, str staff, str event_type,
 * opt-str member_number, opt-str factor, opt-str outcome, opt-str detail.
 *
 * <p>security_event, after the header: i64 id, i64 occurred_at, str event_type, opt-str actor,
 * opt-str subject, opt-str detail, opt-str remote_addr.
 *
 * <p>Any change to this layout must bump the version byte.
 */
public final class LogEncoding {

    public static final byte FORMAT_VERSION = 0x01;
    public static final String CALL_EVENT = "call_event";
    public static final String SECURITY_EVENT = "security_event";

    /** A call_event row as stored; nullable columns may be null. */
    public record CallEventRow(long id, String callId, Instant occurredAt, String staff, String eventType,
                               String memberNumber, String factor, String outcome, String detail) {
    }

    /** A security_event row as stored; nullable columns may be null. */
    public record SecurityEventRow(long id, Instant occurredAt, String eventType, String actor, String subject,
                                   String detail, String remoteAddr) {
    }

    private LogEncoding() {
    }

    public static byte[] encode(CallEventRow row) {
        CanonicalWriter out = writerFor(CALL_EVENT);
        out.i64(row.id());
        out.str(row.callId());
        out.instant(row.occurredAt());
        out.str(row.staff());
        out.str(row.eventType());
        out.optStr(row.memberNumber());
        out.optStr(row.factor());
        out.optStr(row.outcome());
        out.optStr(row.detail());
        return out.bytes();
    }

    public static byte[] encode(SecurityEventRow row) {
        CanonicalWriter out = writerFor(SECURITY_EVENT);
        out.i64(row.id());
        out.instant(row.occurredAt());
        out.str(row.eventType());
        out.optStr(row.actor());
        out.optStr(row.subject());
        out.optStr(row.detail());
        out.optStr(row.remoteAddr());
        return out.bytes();
    }

    /** A writer that has already written the version byte and the log name. */
    private static CanonicalWriter writerFor(String log) {
        CanonicalWriter out = new CanonicalWriter();
        out.u8(FORMAT_VERSION);
        out.str(log);
        return out;
    }
}
