package coop.tally.staff;

import coop.tally.web.RequestOrigin;
import coop.tally.crypto.LogEncoding;
import coop.tally.crypto.RowMacs;
import coop.tally.platform.TallyClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.logging.Logger;

/**
 * The append-only security log: sign-ins, failures, lockouts, sign-outs, staff changes, refusals
 * and reads of member data. Each record commits on its own, so a refused request (whose own
 * transaction rolls back) is still on record, with its MAC. Never pass secrets, answers or full SSNs here.
 */
@ApplicationScoped
public class SecurityLog {

    private static final Logger LOG = Logger.getLogger(SecurityLog.class.getName());
    private static final int MAX_DETAIL = 500;

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    TallyClock clock;

    @Inject
    RequestOrigin origin;

    @Inject
    RowMacs rowMacs;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String eventType, String actor, String subject, String detail) {
        String clipped = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        // a record must never fail on what a request carried: text the log cannot seal is made sealable
        SecurityEvent event = new SecurityEvent(clock.now(), eventType, wellFormed(actor), wellFormed(subject),
                wellFormed(clipped), wellFormed(origin.remoteAddress()));
        em.persist(event);
        em.flush();
        rowMacs.record(em, RowMacs.SECURITY_EVENT, event.id(), LogEncoding.encode(event.toLogRow()));
        LOG.info(() -> "security " + eventType + " actor=" + actor + " subject=" + subject);
    }

    @Transactional
    /** Newest first; {@code staff} matches events done by or done to that staff member. */
    public List<SecurityEvent> recent(String staff, String eventType, int page, int size) {
        String actor = staff;
        StringBuilder jpql = new StringBuilder("select e from SecurityEvent e where 1 = 1");
        if (actor != null) {
            jpql.append(" and (e.actor = :actor or e.subject = :actor)");
        }
        if (eventType != null) {
            jpql.append(" and e.eventType = :type");
        }
        var query = em.createQuery(jpql.append(" order by e.id desc").toString(), SecurityEvent.class);
        if (actor != null) {
            query.setParameter("actor", actor);
        }
        if (eventType != null) {
            query.setParameter("type", eventType);
        }
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    /** The text with each unpaired surrogate (which has no UTF-8 form, so cannot be sealed) replaced by U+FFFD. */
    static String wellFormed(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (!paired && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(paired ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }
}
