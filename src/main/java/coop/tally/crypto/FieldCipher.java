package coop.tally.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts sensitive member fields (the SSN) with AES-256-GCM.
 *
 * <p>Stored form: {@code "v1:" + base64(12-byte random IV || ciphertext || 16-byte tag)}. The
 * caller passes a context (the member number) that is bound in as associated data: a ciphertext
 * copied to another member's row no longer decrypts, so a row swap in the database is detected
 * rather than silently showing one member another's number. The version prefix leaves room for
 * a key rotation later.
 *
 * <p>Thread-safe: a {@link Cipher} is created per call (they are not shareable and cheap to make).
 */
public final class FieldCipher {

    static final String PREFIX = "v1:";
    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The field key must be " + KEY_BYTES + " bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Recognises the key without revealing it: every server of one database must hold the same. */
    public String keyFingerprint() {
        return KeyFingerprint.of("field", key.getEncoded());
    }

    /** Encrypts {@code plaintext} bound to {@code context}; each call uses a fresh random IV. */
    public String encrypt(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer stored = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(stored.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts a value made by {@link #encrypt} with the same context.
     *
     * @throws FieldDecryptionException when the value is malformed, was altered, belongs to another
     *                                  context or was made with another key (the message names none of them)
     */
    public String decrypt(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new FieldDecryptionException("Not an encrypted field value of a known version");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new FieldDecryptionException("The encrypted field value is not base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new FieldDecryptionException("The encrypted field value is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES), context);
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new FieldDecryptionException("The encrypted field value fails authentication");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
        if (context == null || context.isEmpty()) {
            throw new IllegalArgumentException("A context (the owning record's key) is required");
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /**
     * A keyed hash of {@code value} for finding equal values without decrypting (a blind index):
     * HMAC-SHA-256 under a key derived from the field key for {@code purpose}, hex. Equal values give
     * equal indexes; without the key an index cannot be tested against guesses (an SSN has only
     * 10^9 values, so a plain hash could be).
     */
    public String blindIndex(String purpose, String value) {
        byte[] derived = RowMac.hmacSha256(key.getEncoded(), ("tally-blind-index-v1\n" + purpose).getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(RowMac.hmacSha256(derived, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "FieldCipher[AES-256-GCM]";
    }
}
