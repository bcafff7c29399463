package coop.tally.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WellFormedTextTest {

    @Test
    void paired_surrogates_tabs_and_line_breaks_are_text() {
        assertTrue(WellFormedText.isAcceptable(""));
        assertTrue(WellFormedText.isAcceptable("Zoë Ångström — café ☕ 💸 日本語"));
        assertTrue(WellFormedText.isAcceptable("line one\nline two\ttabbed\r\n"));
        assertTrue(WellFormedText.isAcceptable("\\u0000 is only six characters here"));
    }

    @Test
    void unpaired_surrogates_and_control_characters_are_not() {
        assertEquals(1, WellFormedText.firstFault("x\ud800y"));
        assertEquals(1, WellFormedText.firstFault("x\udc00"));
        assertEquals(0, WellFormedText.firstFault("\udc00\ud800"));
        assertEquals(2, WellFormedText.firstFault("💸\ud83d"));
        for (char control : new char[] {'\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f'}) {
            assertFalse(WellFormedText.isAcceptable("a" + control), Integer.toHexString(control));
        }
    }

    @Test
    void utf8_is_decoded_strictly() {
        assertEquals(Optional.of("café"), WellFormedText.decodeUtf8("café".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), WellFormedText.decodeUtf8(new byte[] {'a', (byte) 0xFF}));
        assertEquals(Optional.empty(), WellFormedText.decodeUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    }
}
