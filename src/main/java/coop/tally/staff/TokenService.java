package coop.tally.staff;

import coop.tally.platform.DatabaseChoice;
import coop.tally.platform.TallyClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Issues, resolves and revokes bearer tokens. A token is 256 random bits shown to the client
 * once; only its SHA-256 hash is stored, so a copy of the database grants no sessions.
 */
@ApplicationScoped
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    TallyClock clock;

    @Inject
    VerifiedSessions verifiedSessions;

    /** Whether verified sessions may answer from memory: only where no other server shares the database. */
    private final boolean rememberSessions = DatabaseChoice.configured().servesOneServerOnly();

    @Inject
    @ConfigProperty(name = "tally.session.max", defaultValue = "PT8H")
    Duration maxLifetime;

    @Inject
    @ConfigProperty(name = "tally.session.idle", defaultValue = "PT30M")
    Duration idleTimeout;

    /** A newly issued token (the only time the clear token exists on the server). */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    /** The outcome of presenting a token: its state and the staff member it belongs to, as read with it. */
    public record Resolution(StaffSession.TokenState state, SignedInStaff staff) {
        public boolean isValid() {
            return state == StaffSession.TokenState.VALID;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    IssuedToken issue(Staff staff) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        StaffSession session = new StaffSession(hash(token), staff, clock.now(), maxLifetime);
        em.persist(session);
        return new IssuedToken(token, session.expiresAt());
    }

    /**
     * A presented token this server verified lately and may vouch for without the database (see
     * {@link VerifiedSessions}: embedded Derby only); empty when {@link #resolve} must ask.
     */
    public Optional<Resolution> resolveRemembered(String token) {
        if (!rememberSessions || !wellFormed(token)) {
            return Optional.empty();
        }
        return verifiedSessions.answer(hash(token), clock.now(), idleTimeout, touchInterval())
                .map(staff -> new Resolution(StaffSession.TokenState.VALID, staff));
    }

    /** Resolves a presented token; extends its idle window (at most every few seconds, to spare writes). */
    @Transactional
    public Optional<Resolution> resolve(String token) {
        long generation = verifiedSessions.generation();
        Optional<StaffSession> found = findSession(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StaffSession session = found.get();
        Instant now = clock.now();
        StaffSession.TokenState state = session.stateAt(now, idleTimeout);
        if (state == StaffSession.TokenState.VALID && session.lastSeenAt().plus(touchInterval()).isBefore(now)) {
            session.touch(now);
        }
        SignedInStaff staff = SignedInStaff.of(session.staff());
        if (rememberSessions && state == StaffSession.TokenState.VALID) {
            verifiedSessions.remember(session.tokenHash(),
                    new VerifiedSessions.Verified(staff, session.expiresAt(), session.lastSeenAt()), generation, now, idleTimeout);
        }
        return Optional.of(new Resolution(state, staff));
    }

    /** Revokes the token; returns the staff member it belonged to, if it was live. */
    @Transactional
    public Optional<Staff> revoke(String token, String reason) {
        return findSession(token).map(session -> {
            verifiedSessions.forgetWithin(VerifiedSessions.token(session.tokenHash()));
            session.revoke(clock.now(), reason);
            return session.staff();
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void revokeAllOf(Staff staff, String reason) {
        verifiedSessions.forgetWithin(VerifiedSessions.of(staff.username()));
        Instant now = clock.now();
        em.createQuery("select s from StaffSession s where s.staff = :staff and s.revokedAt is null", StaffSession.class)
                .setParameter("staff", staff)
                .getResultList()
                .forEach(session -> session.revoke(now, reason));
    }

    private Optional<StaffSession> findSession(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        // the staff member and their roles come in the same query: this runs on every request
        return em.createQuery("select s from StaffSession s where s.tokenHash = :hash", StaffSession.class)
                .setParameter("hash", hash(token))
                .setHint("eclipselink.left-join-fetch", "s.staff.roles")
                .getResultStream().findFirst();
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() >= 20 && token.length() <= 100;
    }

    /** Refreshing last-seen on every request would make every read a write; a fraction of the idle timeout is precise enough. */
    private Duration touchInterval() {
        Duration quarter = idleTimeout.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(60)) < 0 ? quarter : Duration.ofSeconds(60);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
