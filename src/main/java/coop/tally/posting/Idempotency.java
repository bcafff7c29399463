package coop.tally.posting;

import coop.tally.platform.TallyClock;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Idempotency-Key handling: the same key and the same request return the first answer and post
 * nothing new; the same key with a different request is a 409. Keys are per staff member and kept
 * (never purged, so at least the 24 hours promised).
 */
@ApplicationScoped
public class Idempotency {

    public static final int MAX_KEY_LENGTH = 100;

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    TallyClock clock;

    /** The first answer to a repeated request. */
    public record Replay(PostingService.Result result, String body) {
    }

    /**
     * Claims the key for this request inside the posting's transaction, or returns the first answer.
     * A concurrent request with the same key waits on the inserted row; when the first commits, the
     * second's insert fails as a duplicate and the caller retries, finding the answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claim claim(String staff, String key, String requestHash) {
        IdempotencyRecord existing = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(staff, key));
        if (existing != null) {
            if (!existing.requestHash().equals(requestHash)) {
                throw new Refusal(Refusal.Kind.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was already used for a different request.");
            }
            return new Claim(null, new Replay(existing.result(), existing.responseBody()));
        }
        IdempotencyRecord record = new IdempotencyRecord(staff, key, requestHash, clock.now());
        em.persist(record);
        em.flush();
        return new Claim(record, null);
    }

    /** Either a fresh claim to answer, or the replay of the first answer. */
    public record Claim(IdempotencyRecord record, Replay replay) {
        public Optional<Replay> asReplay() {
            return Optional.ofNullable(replay);
        }

        public void answer(PostingService.Result result, String body, Long entryId) {
            record.answer(result, body, entryId);
        }
    }

    public static void requireValidKey(String key) {
        if (key == null || key.isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID, "IDEMPOTENCY_KEY_REQUIRED",
                    "Send an Idempotency-Key header (for example a UUID) with every posting.");
        }
        if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new Refusal(Refusal.Kind.INVALID, "IDEMPOTENCY_KEY_INVALID",
                    "An Idempotency-Key is 1-" + MAX_KEY_LENGTH + " visible ASCII characters.");
        }
    }

    /** SHA-256 over length-prefixed fields: requests that mean the same hash the same. */
    public static String hash(String... fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : fields) {
                if (field == null) {
                    digest.update((byte) 0);
                } else {
                    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                    digest.update((byte) 1);
                    digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                    digest.update(bytes);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A unique-key violation: a concurrent request with the same key committed first. */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
