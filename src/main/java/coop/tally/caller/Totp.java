package coop.tally.caller;

import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords, RFC 6238 with HMAC-SHA1 (RFC 4226 dynamic truncation), 30-second
 * steps. A code is accepted one step either side of now (clock skew and the time it takes the
 * caller to read it out), and each step at most once: the caller passes the last step already
 * used and gets back the step that matched, which it must remember.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    public static final int WINDOW = 1;

    private Totp() {
    }

    public static long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one step with {@code digits} digits, left-padded with zeros. */
    public static String code(byte[] secret, long step, int digits) {
        HMac mac = new HMac(new SHA1Digest());
        mac.init(new KeyParameter(secret));
        byte[] counter = new byte[8];
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) (step >>> (8 * (7 - i)));
        }
        mac.update(counter, 0, counter.length);
        byte[] hash = new byte[mac.getMacSize()];
        mac.doFinal(hash, 0);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        long modulus = (long) Math.pow(10, digits);
        String text = Long.toString(binary % modulus);
        return "0".repeat(digits - text.length()) + text;
    }

    /** The six-digit code a member's device shows at {@code time}. */
    public static String codeAt(byte[] secret, Instant time) {
        return code(secret, stepAt(time), DIGITS);
    }

    /**
     * The step whose code equals {@code offered}, within the window around {@code now} and later
     * than {@code lastUsedStep} (so that a code, once accepted, is never accepted again); empty if
     * none. Every step in the window is compared, in constant time, whatever matches first.
     */
    public static OptionalLong accept(byte[] secret, String offered, Instant now, long lastUsedStep) {
        if (offered == null || !offered.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        long matched = Long.MIN_VALUE;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            boolean equal = ConstantTime.equals(code(secret, step, DIGITS), offered);
            if (equal && step > lastUsedStep && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }
}
