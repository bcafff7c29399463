package coop.tally.caller;

import coop.tally.crypto.RowMacs;
import coop.tally.platform.TallyClock;
import coop.tally.crypto.LogEncoding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Appends to and reads the call log. Appending joins the caller's transaction and records the row's MAC with it. */
@ApplicationScoped
public class CallLog {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    TallyClock clock;

    @Inject
    RowMacs rowMacs;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(MemberCall call, String staff, CallEvent.Type type, String detail) {
        append(call, staff, type, null, null, detail);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(MemberCall call, String staff, CallEvent.Type type, Factor factor, CallEvent.Outcome outcome,
                       String detail) {
        CallEvent event = new CallEvent(call, clock.now(), staff, type, factor, outcome, detail);
        em.persist(event);
        // flushed at once so that the id order is the order of events within one request
        em.flush();
        rowMacs.record(em, RowMacs.CALL_EVENT, event.id(), LogEncoding.encode(event.toLogRow()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<CallEvent> of(String callId) {
        return em.createQuery("select e from CallEvent e where e.callId = :call order by e.id", CallEvent.class)
                .setParameter("call", callId)
                .getResultList();
    }

    /** When the member's latest event of that type happened (contact changes are made only in calls). */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<Instant> latestOfMember(String memberNumber, CallEvent.Type type) {
        return em.createQuery("select e from CallEvent e where e.memberNumber = :member and e.type = :type order by e.id desc",
                        CallEvent.class)
                .setParameter("member", memberNumber)
                .setParameter("type", type)
                .setMaxResults(1)
                .getResultStream().findFirst().map(CallEvent::occurredAt);
    }

    /**
     * The times of the member's latest failed verification attempts, across all calls and reps,
     * newest first, at most {@code limit}. (Times are compared in Java: the lockout rule needs only
     * the last few, and the converter-mapped Instant stays out of query parameters.)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Instant> latestFailures(String memberNumber, int limit) {
        return em.createQuery("select e from CallEvent e where e.memberNumber = :member"
                        + " and e.type = :type and e.outcome = :fail order by e.id desc", CallEvent.class)
                .setParameter("member", memberNumber)
                .setParameter("type", CallEvent.Type.ATTEMPT)
                .setParameter("fail", CallEvent.Outcome.FAIL)
                .setMaxResults(limit)
                .getResultList().stream().map(CallEvent::occurredAt).toList();
    }
}
