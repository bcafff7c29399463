package coop.tally.crypto;

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
 * The primitives of Tally's canonical encodings (journal entries, call log, security log): u8,
 * big-endian i32 and i64, str (i32 UTF-8 byte length, then the bytes; text that is not
 * well-formed Unicode is refused) and optional values ({@code 00} when absent, {@code 01} then the
 * value), so an empty string differs from an absent one.
 */
public final class CanonicalWriter {

    public static final byte ABSENT = 0x00;
    public static final byte PRESENT = 0x01;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    public void u8(byte value) {
        bytes.write(value);
    }

    public void i32(int value) {
        // big-endian, byte by byte: a verification encodes millions of entries, and a buffer per
        // number was most of its garbage
        for (int shift = Integer.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
            bytes.write(value >>> shift);
        }
    }

    public void i64(long value) {
        for (int shift = Long.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
            bytes.write((int) (value >>> shift));
        }
    }

    /** Microseconds since 1970-01-01T00:00:00Z as an i64; a missing instant is refused. */
    public void instant(Instant value) {
        if (value == null) {
            throw new IllegalArgumentException("A required timestamp is missing");
        }
        i64(ChronoUnit.MICROS.between(Instant.EPOCH, value));
    }

    public void str(String value) {
        if (value == null) {
            throw new IllegalArgumentException("A required text value is missing");
        }
        byte[] encoded = utf8(value);
        i32(encoded.length);
        bytes.writeBytes(encoded);
    }

    public void optStr(String value) {
        if (value == null) {
            u8(ABSENT);
        } else {
            u8(PRESENT);
            str(value);
        }
    }

    public void optI64(Long value) {
        if (value == null) {
            u8(ABSENT);
        } else {
            u8(PRESENT);
            i64(value);
        }
    }

    public byte[] bytes() {
        return bytes.toByteArray();
    }

    private byte[] utf8(String value) {
        if (isAscii(value)) {
            // the same bytes in UTF-8 and Latin-1, without the strict encoder's buffers
            return value.getBytes(StandardCharsets.ISO_8859_1);
        }
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

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
