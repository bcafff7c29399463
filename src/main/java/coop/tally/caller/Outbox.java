package coop.tally.caller;

import coop.tally.platform.TallyClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/** Messages to members, written in the sender's transaction; see {@link OutboxMessage}. */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    TallyClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(String channel, String destination, String memberNumber, String callId, String purpose, String body) {
        em.persist(new OutboxMessage(clock.now(), channel, destination, memberNumber, callId, purpose, body));
    }

    /** Newest first, optionally for one member. */
    @Transactional
    public List<OutboxMessage> recent(String memberNumber, int limit) {
        String where = memberNumber == null ? "" : " where m.memberNumber = :member";
        var query = em.createQuery("select m from OutboxMessage m" + where + " order by m.id desc", OutboxMessage.class);
        if (memberNumber != null) {
            query.setParameter("member", memberNumber);
        }
        return query.setMaxResults(limit).getResultList();
    }
}
