package coop.tally.crypto;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldCipherTest {

    private static final byte[] KEY = new byte[32];
    private final FieldCipher cipher = new FieldCipher(KEY);

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) i;
        }
    }

    @Test
    void round_trip() {
        String stored = cipher.encrypt("900411234", "100001");
        assertEquals("900411234", cipher.decrypt(stored, "100001"));
    }

    @Test
    void stored_form_is_versioned_base64_of_iv_ciphertext_and_tag() {
        String stored = cipher.encrypt("900411234", "100001");
        assertTrue(stored.startsWith("v1:"), stored);
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        assertEquals(12 + 9 + 16, raw.length);
        assertFalse(stored.contains("900411234"));
    }

    @Test
    void every_encryption_uses_a_fresh_iv() {
        String first = cipher.encrypt("900411234", "100001");
        String second = cipher.encrypt("900411234", "100001");
        assertNotEquals(first, second);
        assertNotEquals(first.substring(3, 19), second.substring(3, 19));
    }

    @Test
    void a_changed_byte_is_detected() {
        String stored = cipher.encrypt("900411234", "100001");
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        for (int position : new int[] {0, 11, 12, raw.length - 1}) {
            byte[] altered = raw.clone();
            altered[position] ^= 0x01;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(altered);
            assertThrows(FieldDecryptionException.class, () -> cipher.decrypt(tampered, "100001"), "byte " + position);
        }
    }

    @Test
    void a_value_moved_to_another_member_does_not_decrypt() {
        String stored = cipher.encrypt("900411234", "100001");
        assertThrows(FieldDecryptionException.class, () -> cipher.decrypt(stored, "100002"));
    }

    @Test
    void another_key_does_not_decrypt() {
        String stored = cipher.encrypt("900411234", "100001");
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThrows(FieldDecryptionException.class, () -> new FieldCipher(otherKey).decrypt(stored, "100001"));
    }

    @Test
    void malformed_values_are_refused() {
        assertThrows(FieldDecryptionException.class, () -> cipher.decrypt("900411234", "100001"));
        assertThrows(FieldDecryptionException.class, () -> cipher.decrypt("v2:AAAA", "100001"));
        assertThrows(FieldDecryptionException.class, () -> cipher.decrypt("v1:not base64!", "100001"));
        assertThrows(FieldDecryptionException.class, () -> cipher.decrypt("v1:AAAA", "100001"));
        assertThrows(FieldDecryptionException.class, () -> cipher.decrypt(null, "100001"));
    }

    @Test
    void key_must_be_256_bits() {
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(null));
    }

    @Test
    void a_context_is_required() {
        assertThrows(IllegalArgumentException.class, () -> cipher.encrypt("900411234", ""));
    }

    @Test
    void to_string_shows_no_key() {
        assertEquals("FieldCipher[AES-256-GCM]", cipher.toString());
    }
}
