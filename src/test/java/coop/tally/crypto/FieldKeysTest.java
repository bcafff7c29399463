package coop.tally.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldKeysTest {

    @TempDir
    Path folder;

    @Test
    void first_start_creates_an_owner_only_key_file_that_later_starts_reuse() throws Exception {
        Path keyFile = folder.resolve("keys").resolve("field.key");
        byte[] created = FieldKeys.loadOrCreate(keyFile);
        assertEquals(32, created.length);
        assertTrue(Files.exists(keyFile));
        if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        }
        byte[] reused = FieldKeys.loadOrCreate(keyFile);
        assertArrayEquals(created, reused);

        String stored = new FieldCipher(created).encrypt("900411234", "100001");
        assertEquals("900411234", new FieldCipher(FieldKeys.loadOrCreate(keyFile)).decrypt(stored, "100001"));
    }

    @Test
    void two_installations_get_different_keys() {
        byte[] one = FieldKeys.loadOrCreate(folder.resolve("a/field.key"));
        byte[] two = FieldKeys.loadOrCreate(folder.resolve("b/field.key"));
        assertFalse(java.util.Arrays.equals(one, two));
    }

    @Test
    void a_damaged_key_file_stops_start_up_instead_of_being_replaced() throws Exception {
        Path keyFile = folder.resolve("field.key");
        Files.writeString(keyFile, "too short");
        assertThrows(IllegalStateException.class, () -> FieldKeys.loadOrCreate(keyFile));
        assertEquals("too short", Files.readString(keyFile));
    }

    @Test
    void a_configured_key_is_base64_of_32_bytes() {
        byte[] key = new byte[32];
        key[5] = 7;
        assertArrayEquals(key, FieldKeys.fromBase64(Base64.getEncoder().encodeToString(key)));
        IllegalStateException wrongLength = assertThrows(IllegalStateException.class,
                () -> FieldKeys.fromBase64(Base64.getEncoder().encodeToString(new byte[16])));
        assertTrue(wrongLength.getMessage().contains("32"));
        IllegalStateException notBase64 = assertThrows(IllegalStateException.class, () -> FieldKeys.fromBase64("secret!!"));
        assertFalse(notBase64.getMessage().contains("secret"), "the message must not repeat the configured value");
    }
}
