package coop.tally.crypto;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSN blind index: equal values meet, without the key nothing does, and each purpose has its own index. */
class BlindIndexTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[FieldCipher.KEY_BYTES];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void equalValuesGiveEqualIndexesUnderOneKeyOnly() {
        FieldCipher one = new FieldCipher(key(1));
        String index = one.blindIndex("member-ssn", "123456789");
        assertEquals(index, new FieldCipher(key(1)).blindIndex("member-ssn", "123456789"));
        assertEquals(64, index.length());
        assertTrue(index.matches("[0-9a-f]{64}"));
        assertNotEquals(index, one.blindIndex("member-ssn", "123456788"));
        assertNotEquals(index, one.blindIndex("other-purpose", "123456789"));
        assertNotEquals(index, new FieldCipher(key(2)).blindIndex("member-ssn", "123456789"));
    }
}
