package coop.tally.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
        Writer out = new Writer(CALL_EVENT);
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
        Writer out = new Writer(SECURITY_EVENT);
        out.i64(row.id());
        out.instant(row.occurredAt());
        out.str(row.eventType());
        out.optStr(row.actor());
        out.optStr(row.subject());
        out.optStr(row.detail());
        out.optStr(row.remoteAddr());
        return out.bytes();
    }

    /** Appends big-endian primitives and length-prefixed strings, after the version and log name. */
    private static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);

        Writer(String log) {
            bytes.write(FORMAT_VERSION);
            str(log);
        }

        void i32(int value) {
            bytes.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
        }

        void i64(long value) {
            bytes.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
        }

        void instant(Instant value) {
            if (value == null) {
                throw new IllegalArgumentException("A required timestamp is missing");
            }
            i64(ChronoUnit.MICROS.between(Instant.EPOCH, value));
        }

        void str(String value) {
            if (value == null) {
                throw new IllegalArgumentException("A required text column is missing");
            }
            byte[] encoded = utf8(value);
            i32(encoded.length);
            bytes.writeBytes(encoded);
        }

        void optStr(String value) {
            if (value == null) {
                bytes.write(0x00);
            } else {
                bytes.write(0x01);
                str(value);
            }
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        private byte[] utf8(String value) {
            try {
                ByteBuffer buffer = utf8.reset().encode(CharBuffer.wrap(value));
                byte[] encoded = new byte[buffer.remaining()];
                buffer.get(encoded);
                return encoded;
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("Not well-formed Unicode text, cannot be encoded: "
                        + value.length() + " chars", e);
            }
        }
    }
}
