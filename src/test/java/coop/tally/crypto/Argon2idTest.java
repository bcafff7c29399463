package coop.tally.crypto;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Argon2idTest {

    /** RFC 9106 section 5.3: the Argon2id test vector. */
    @Test
    void matches_the_rfc_9106_argon2id_test_vector() {
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] associatedData = filled(12, 0x04);

        byte[] tag = Argon2id.derive(password, salt, secret, associatedData, 32, 3, 4, 32);

        assertArrayEquals(Hex.decode("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"), tag);
    }

    @Test
    void verifies_the_right_password_only() {
        Argon2id fast = new Argon2id(64, 1, 1);
        String stored = fast.hash("tally-demo");
        assertTrue(stored.startsWith("$argon2id$v=19$m=64,t=1,p=1$"));
        assertTrue(Argon2id.verify(stored, "tally-demo"));
        assertFalse(Argon2id.verify(stored, "tally-demo "));
        assertFalse(Argon2id.verify(stored, "Tally-demo"));
        assertFalse(Argon2id.verify(stored, ""));
    }

    @Test
    void salts_every_hash() {
        Argon2id fast = new Argon2id(64, 1, 1);
        assertNotEquals(fast.hash("same"), fast.hash("same"));
    }

    @Test
    void malformed_stored_hashes_never_match() {
        assertFalse(Argon2id.verify(null, "x"));
        assertFalse(Argon2id.verify("plain-text", "plain-text"));
        assertFalse(Argon2id.verify("$argon2i$v=19$m=64,t=1,p=1$AAAA$AAAA", "x"));
        assertFalse(Argon2id.verify("$argon2id$v=19$m=64,t=1,x=1$AAAA$AAAA", "x"));
        assertFalse(Argon2id.verify("$argon2id$v=19$m=64,t=1,p=1$!!$AAAA", "x"));
    }

    @Test
    void default_parameters_follow_owasp_minimum() {
        String stored = Argon2id.DEFAULT.hash("tally-demo");
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertTrue(Argon2id.verify(stored, "tally-demo"));
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
