package coop.tally.staff;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The sessions this server has verified against the database, so that a request's token is
 * checked in memory: the staff member as read with it, its hard expiry and when it was last seen.
 * A session answers from here only while it is within both, and only until its last-seen time is
 * due to be written again; then the database is asked (and the answer remembered anew).
 *
 * <p>Revocation takes effect at once: a revoking transaction forgets the sessions it revokes as it
 * revokes them and again once it has ended, and a database read that began before a revocation
 * ended is not remembered (the generation it started under has passed). Used only where the
 * database is open in this server alone ({@code DatabaseChoice.servesOneServerOnly}): with several
 * servers another one's revocation would not reach this memory.
 */
@ApplicationScoped
public class VerifiedSessions {

    /** A verified session: who, until when at the latest, and when its token was last seen. */
    record Verified(SignedInStaff staff, Instant expiresAt, Instant lastSeenAt) {

        boolean usableAt(Instant now, Duration idleTimeout, Duration touchInterval) {
            return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idleTimeout))
                    && !lastSeenAt.plus(touchInterval).isBefore(now);
        }
    }

    private static final int KEPT_BEFORE_PRUNING = 1000;

    private final Map<String, Verified> byTokenHash = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The session verified under this token hash, if it may answer now without the database. */
    Optional<SignedInStaff> answer(String tokenHash, Instant now, Duration idleTimeout, Duration touchInterval) {
        Verified verified = byTokenHash.get(tokenHash);
        return verified != null && verified.usableAt(now, idleTimeout, touchInterval)
                ? Optional.of(verified.staff()) : Optional.empty();
    }

    /** The generation a database read begins under: pass it to {@link #remember}. */
    long generation() {
        return generation.get();
    }

    /**
     * Remembers a session the database has just answered as valid, unless a revocation ended since
     * {@code readUnder}. Sessions that expired or went idle meanwhile are dropped once many are kept.
     */
    synchronized void remember(String tokenHash, Verified verified, long readUnder, Instant now, Duration idleTimeout) {
        if (generation.get() == readUnder) {
            byTokenHash.put(tokenHash, verified);
        }
        if (byTokenHash.size() > KEPT_BEFORE_PRUNING) {
            byTokenHash.values().removeIf(kept -> !kept.usableAt(now, idleTimeout, idleTimeout));
        }
    }

    /** Forgets the sessions the current transaction revokes, now and once it has ended, whatever its outcome. */
    void forgetWithin(Predicate<Map.Entry<String, Verified>> revoked) {
        forget(revoked);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget(revoked);
            }
        });
    }

    private synchronized void forget(Predicate<Map.Entry<String, Verified>> revoked) {
        generation.incrementAndGet();
        byTokenHash.entrySet().removeIf(revoked);
    }

    /** A session of this staff member (any of their tokens). */
    static Predicate<Map.Entry<String, Verified>> of(String username) {
        return entry -> entry.getValue().staff().username().equals(username);
    }

    /** The session of one token. */
    static Predicate<Map.Entry<String, Verified>> token(String tokenHash) {
        return entry -> entry.getKey().equals(tokenHash);
    }
}
