package coop.tally.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Where the field-encryption key comes from: a configured base64 value (production supplies its
 * own, e.g. from a secret store) or a key file generated on first start and reused after.
 * Losing the key file makes every stored SSN unreadable, so it is never overwritten.
 */
public final class FieldKeys {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private FieldKeys() {
    }

    /** A configured key: base64 of exactly 32 bytes. The message never repeats the value. */
    public static byte[] fromBase64(String configured) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tally.field-key is not valid base64");
        }
        if (key.length != FieldCipher.KEY_BYTES) {
            throw new IllegalStateException("tally.field-key must decode to " + FieldCipher.KEY_BYTES
                    + " bytes, not " + key.length);
        }
        return key;
    }

    /** Reads the key file, or creates it (readable by the owner only) when it does not exist yet. */
    public static byte[] loadOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return read(keyFile);
            }
            byte[] key = new byte[FieldCipher.KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            try {
                Files.createFile(keyFile, ownerOnly(keyFile));
            } catch (FileAlreadyExistsException raced) {
                return read(keyFile);
            }
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the field key at " + keyFile, e);
        }
    }

    private static byte[] read(Path keyFile) throws IOException {
        try {
            return fromBase64(Files.readString(keyFile, StandardCharsets.US_ASCII));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The field key file " + keyFile + " is damaged: " + e.getMessage());
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        boolean posix = file.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }
}
