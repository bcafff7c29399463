package coop.tally.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The primitives of Tally's canonical encodings (journal entries, call log, security log): u8,
 * big-endian i32 and i64, str (i32 UTF-8 byte length, then the bytes; text that is not
 * well-formed Unicode is refused) and optional values ({@code 00} when absent, {@code 01} then the
 * value), so an empty string differs from an absent one.
 */
public final class CanonicalWriter {

    public static final byte ABSENT = 0x00;
    public static final byte PRESENT = 0x01;

    /*
     * A plain growing array rather than a ByteArrayOutputStream, whose every write takes a lock, and
     * the strict UTF-8 encoder made only for text that is not ASCII: verification encodes millions
     * of entries, and these two were most of what an entry's encoding cost.
     */
    private byte[] bytes = new byte[256];
    private int size;
    private CharsetEncoder utf8;

    public void u8(byte value) {
        ensureRoom(1);
        bytes[size++] = value;
    }

    public void i32(int value) {
        ensureRoom(Integer.BYTES);
        for (int shift = Integer.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    public void i64(long value) {
        ensureRoom(Long.BYTES);
        for (int shift = Long.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
            bytes[size++] = (byte) (value >>> shift);
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
        if (isAscii(value)) {
            // the same bytes in UTF-8 as the characters' own values
            int length = value.length();
            i32(length);
            ensureRoom(length);
            for (int i = 0; i < length; i++) {
                bytes[size++] = (byte) value.charAt(i);
            }
        } else {
            byte[] encoded = strictUtf8(value);
            i32(encoded.length);
            ensureRoom(encoded.length);
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            size += encoded.length;
        }
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
        return Arrays.copyOf(bytes, size);
    }

    private void ensureRoom(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private byte[] strictUtf8(String value) {
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
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
