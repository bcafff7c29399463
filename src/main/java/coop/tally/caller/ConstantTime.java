package coop.tally.caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Comparing a caller's answer with the value on file without leaking, through timing, how much of
 * it was right. Both sides are hashed first, so that not even the length of the value on file
 * shows; {@link MessageDigest#isEqual} then compares every byte whatever the first difference.
 */
public final class ConstantTime {

    private ConstantTime() {
    }

    public static boolean equals(String offered, String onFile) {
        if (offered == null || onFile == null) {
            // still spend the same work, then refuse
            MessageDigest.isEqual(sha256(""), sha256(""));
            return false;
        }
        return MessageDigest.isEqual(sha256(offered), sha256(onFile));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
