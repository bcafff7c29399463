package coop.tally.caller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Phone-access locks of members: the open one, the last unlock, recent ones. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Lockouts {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    public List<PhoneLock> allOpen(String memberNumber) {
        return em.createQuery("select l from PhoneLock l where l.memberNumber = :member and l.unlockedAt is null",
                        PhoneLock.class)
                .setParameter("member", memberNumber)
                .getResultList();
    }

    public boolean isLocked(String memberNumber) {
        return !allOpen(memberNumber).isEmpty();
    }

    /** When the member's phone access was last unlocked, or null. Locks follow one another, so it is the latest lock's. */
    public Instant lastUnlock(String memberNumber) {
        return latest(memberNumber).map(PhoneLock::unlockedAt).orElse(null);
    }

    public boolean lockedSince(String memberNumber, Instant since) {
        return latest(memberNumber).filter(lock -> !lock.lockedAt().isBefore(since)).isPresent();
    }

    private Optional<PhoneLock> latest(String memberNumber) {
        return em.createQuery("select l from PhoneLock l where l.memberNumber = :member order by l.id desc", PhoneLock.class)
                .setParameter("member", memberNumber)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    public void lock(String memberNumber, Instant at, String callId) {
        em.persist(new PhoneLock(memberNumber, at, callId));
    }
}
