package coop.tally.referral;

import coop.tally.platform.TallyClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Appends EXPIRED to referrals that were not converted within 90 days. Lazily, not by a timer:
 * every read or change of referrals or scorecards first sweeps ({@link Referrals#expireDue}), in a
 * transaction of its own, so
 * what anyone sees never depends on whether a timer has run. The EXPIRED event is dated at the
 * moment of expiry (logged + 90 days), recorded by "system".
 */
@ApplicationScoped
public class ReferralExpiry {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    TallyClock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sweep() {
        Instant now = clock.now();
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("SELECT r.id, r.logged_at FROM referral r WHERE r.logged_at <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM referral_event e WHERE e.referral_id = r.id)")
                .setParameter(1, Timestamp.from(now.minus(ReferralRules.EXPIRY)))
                .getResultList();
        for (Object[] row : due) {
            Instant loggedAt = ((Timestamp) row[1]).toInstant();
            em.persist(new ReferralEvent(((Number) row[0]).longValue(), ReferralStatus.EXPIRED,
                    ReferralRules.expiresAt(loggedAt), "system", null));
        }
        return due.size();
    }
}
