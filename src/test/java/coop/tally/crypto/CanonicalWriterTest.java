package coop.tally.crypto;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The canonical primitives byte for byte: big-endian numbers, length-prefixed UTF-8, refused malformed text. */
class CanonicalWriterTest {

    private static String hex(CanonicalWriter writer) {
        return HexFormat.of().formatHex(writer.bytes());
    }

    @Test
    void numbersAreBigEndian() {
        CanonicalWriter writer = new CanonicalWriter();
        writer.i32(0x01020304);
        writer.i32(-1);
        writer.i64(0x0102030405060708L);
        writer.i64(Long.MIN_VALUE);
        assertEquals("01020304" + "ffffffff" + "0102030405060708" + "8000000000000000", hex(writer));
        for (long value : new long[]{0, 1, -2, 255, 256, Integer.MAX_VALUE, Long.MAX_VALUE, 1_700_000_000_123_456L}) {
            CanonicalWriter one = new CanonicalWriter();
            one.i64(value);
            one.i32((int) value);
            assertArrayEquals(ByteBuffer.allocate(12).putLong(value).putInt((int) value).array(), one.bytes());
        }
    }

    @Test
    void textIsItsUtf8LengthThenItsUtf8() {
        for (String text : new String[]{"", "rep1", "benchmark deposit 7", "Zoë Ångström", "€ 5", "名前", "\uD83D\uDE00", "a\u007f",
                "x".repeat(300), "é".repeat(200) + "z", "\u0080"}) {
            CanonicalWriter writer = new CanonicalWriter();
            writer.str(text);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array(), writer.bytes(), text);
        }
        CanonicalWriter optional = new CanonicalWriter();
        optional.optStr(null);
        optional.optStr("a");
        assertEquals("00" + "01" + "00000001" + "61", hex(optional));
    }

    @Test
    void manyValuesPastTheFirstBufferKeepTheirOrder() {
        CanonicalWriter writer = new CanonicalWriter();
        ByteBuffer expected = ByteBuffer.allocate(100 * (8 + 4 + 1 + 4 + 40));
        for (int i = 0; i < 100; i++) {
            String text = "line " + i + " ".repeat(i % 40);
            writer.i64(i);
            writer.i32(-i);
            writer.u8((byte) i);
            writer.str(text);
            byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
            expected.putLong(i).putInt(-i).put((byte) i).putInt(ascii.length).put(ascii);
        }
        byte[] written = new byte[expected.position()];
        expected.flip().get(written);
        assertArrayEquals(written, writer.bytes());
    }

    @Test
    void textThatIsNotWellFormedUnicodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CanonicalWriter().str("a\uD800b"));
        assertThrows(IllegalArgumentException.class, () -> new CanonicalWriter().str("\uDC00"));
        assertThrows(IllegalArgumentException.class, () -> new CanonicalWriter().str(null));
    }
}
