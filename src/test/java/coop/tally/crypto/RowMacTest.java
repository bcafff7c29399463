package coop.tally.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HMAC-SHA-256 against the test vectors of RFC 4231 (section 4), and the row MAC built on it. */
class RowMacTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] repeat(int value, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void assertHmac(String expected, byte[] key, byte[] data) {
        assertEquals(expected, HEX.formatHex(RowMac.hmacSha256(key, data)));
    }

    @Test
    void rfc4231TestCase1() {
        assertHmac("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", repeat(0x0b, 20), ascii("Hi There"));
    }

    @Test
    void rfc4231TestCase2KeyShorterThanTheOutput() {
        assertHmac("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", ascii("Jefe"),
                ascii("what do ya want for nothing?"));
    }

    @Test
    void rfc4231TestCase3() {
        assertHmac("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe", repeat(0xaa, 20), repeat(0xdd, 50));
    }

    @Test
    void rfc4231TestCase4() {
        byte[] key = new byte[25];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i + 1);
        }
        assertHmac("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b", key, repeat(0xcd, 50));
    }

    @Test
    void rfc4231TestCase5TruncatedTo128Bits() {
        byte[] mac = RowMac.hmacSha256(repeat(0x0c, 20), ascii("Test With Truncation"));
        assertEquals("a3b6167473100ee06e0c796c2955552b", HEX.formatHex(Arrays.copyOf(mac, 16)));
    }

    @Test
    void rfc4231TestCase6KeyLargerThanABlock() {
        assertHmac("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54", repeat(0xaa, 131),
                ascii("Test Using Larger Than Block-Size Key - Hash Key First"));
    }

    @Test
    void rfc4231TestCase7KeyAndDataLargerThanABlock() {
        assertHmac("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2", repeat(0xaa, 131),
                ascii("This is a test using a larger than block-size key and a larger than block-size data."
                        + " The key needs to be hashed before being used by the HMAC algorithm."));
    }

    @Test
    void theRowMacIsTheHmacOfTheLabelledCanonicalBytes() {
        byte[] key = repeat(0x42, RowMac.KEY_BYTES);
        byte[] canonical = {1, 2, 3};
        byte[] label = ascii("tally-row-mac-v1\njournal_entry\n");
        byte[] message = Arrays.copyOf(label, label.length + 3);
        System.arraycopy(canonical, 0, message, label.length, 3);
        assertArrayEquals(RowMac.hmacSha256(key, message), RowMac.of(key, "journal_entry", canonical));
        assertEquals(RowMac.MAC_BYTES, RowMac.of(key, "journal_entry", canonical).length);
    }

    @Test
    void aMacVerifiesOnlyForItsKeyTableAndBytes() {
        byte[] key = repeat(0x42, RowMac.KEY_BYTES);
        byte[] canonical = ascii("an entry");
        byte[] mac = RowMac.of(key, "journal_entry", canonical);
        assertTrue(RowMac.verifies(key, "journal_entry", canonical, mac));
        assertFalse(RowMac.verifies(repeat(0x43, RowMac.KEY_BYTES), "journal_entry", canonical, mac), "another key");
        assertFalse(RowMac.verifies(key, "call_event", canonical, mac), "another kind of row");
        assertFalse(RowMac.verifies(key, "journal_entry", ascii("an entrz"), mac), "other bytes");
        assertFalse(RowMac.verifies(key, "journal_entry", canonical, null), "no MAC");
        assertFalse(RowMac.verifies(key, "journal_entry", canonical, Arrays.copyOf(mac, 16)), "a truncated MAC");
    }
}
