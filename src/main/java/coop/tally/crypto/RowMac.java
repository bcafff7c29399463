package coop.tally.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The MAC that binds a row of the journal, the call log or the security log to this Tally:
 * HMAC-SHA-256 (RFC 2104, FIPS 198-1) under the row-MAC key, over
 * {@code "tally-row-mac-v1\n" || table || "\n" || canonical bytes of the row}. The table name in the
 * input keeps a MAC of one kind of row from passing for a row of another kind whose bytes happen to
 * be the same. Pure functions; the key comes from {@link RowMacs}.
 */
public final class RowMac {

    public static final int KEY_BYTES = 32;
    public static final int MAC_BYTES = 32;
    private static final String FORMAT = "tally-row-mac-v1";

    private RowMac() {
    }

    /** HMAC-SHA-256 of {@code message} under {@code key}. */
    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** The MAC of the row of {@code table} whose canonical bytes are {@code canonical}. */
    public static byte[] of(byte[] key, String table, byte[] canonical) {
        byte[] label = (FORMAT + "\n" + table + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[label.length + canonical.length];
        System.arraycopy(label, 0, message, 0, label.length);
        System.arraycopy(canonical, 0, message, label.length, canonical.length);
        return hmacSha256(key, message);
    }

    /** Whether {@code mac} is the row's MAC; compared in constant time. */
    public static boolean verifies(byte[] key, String table, byte[] canonical, byte[] mac) {
        return mac != null && MessageDigest.isEqual(of(key, table, canonical), mac);
    }
}
