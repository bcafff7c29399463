package coop.tally.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a database may record about a key to recognise it again without being able to use it:
 * SHA-256 over a label, the key's name and the key. A secret key of 256 random bits cannot be
 * found from it; the label keeps it from equalling any other hash Tally stores.
 */
public final class KeyFingerprint {

    private static final byte[] LABEL = "tally key fingerprint\0".getBytes(StandardCharsets.US_ASCII);

    private KeyFingerprint() {
    }

    /** Lower-case hex, 64 characters. */
    public static String of(String name, byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(LABEL);
            sha256.update((name + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
