package coop.tally.ledger;

import java.util.List;
import coop.tally.platform.SchemaReady;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * The credit union's current business date. It moves only forward, when ADMIN advances it; each
 * opened day is a row that is never changed. On first start the business date is today in the
 * credit union's time zone.
 */
@ApplicationScoped
public class BusinessDates {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    TallyClock clock;

    @Transactional
    void openFirstDay(@Observes @Priority(50) SchemaReady ready) {
        if (em.createQuery("select count(d) from BusinessDay d", Long.class).getSingleResult() == 0) {
            em.persist(new BusinessDay(clock.today(), clock.now(), "system"));
        }
    }

    /**
     * Every posting asks for the business date; it changes once a day. It is re-read at most once a
     * second (and at once after an advance here), so another node's advance is seen within a second.
     */
    private static final long CACHE_NANOS = 1_000_000_000L;
    private volatile LocalDate cachedDate;
    private volatile long cachedAt;

    @Transactional
    public LocalDate current() {
        LocalDate cached = cachedDate;
        if (cached != null && System.nanoTime() - cachedAt < CACHE_NANOS) {
            return cached;
        }
        LocalDate current = em.createQuery("select max(d.businessDate) from BusinessDay d", LocalDate.class)
                .getSingleResult();
        cachedAt = System.nanoTime();
        cachedDate = current;
        return current;
    }

    /** Opens the next business day and returns it; the caller releases what falls due on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    BusinessDay openNext(LocalDate next, String openedBy) {
        BusinessDay day = new BusinessDay(next, clock.now(), openedBy);
        em.persist(day);
        em.flush();
        cachedDate = null;
        return day;
    }

    /**
     * Locks the row of the current business day until the caller's transaction ends and returns
     * its date, read under the lock: whoever opens the next day or closes this one holds it, so two
     * of them never act on the same day at once, and the one that waited sees the day the other opened.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LocalDate lockCurrent() {
        while (true) {
            LocalDate newest = newest();
            em.find(BusinessDay.class, newest, LockModeType.PESSIMISTIC_WRITE);
            if (newest().equals(newest)) {
                return newest;
            }
        }
    }

    /** Whether a business day was opened on {@code date}. */
    @Transactional
    public boolean wasOpened(LocalDate date) {
        return em.find(BusinessDay.class, date) != null;
    }

    private LocalDate newest() {
        return em.createQuery("select max(d.businessDate) from BusinessDay d", LocalDate.class).getSingleResult();
    }

    /** The oldest of the last {@code count} business days opened, up to {@code date} ({@code date} itself when none). */
    public LocalDate oldestOfLast(int count, LocalDate date) {
        List<LocalDate> days = em.createQuery("select d.businessDate from BusinessDay d where d.businessDate <= :date"
                        + " order by d.businessDate desc", LocalDate.class)
                .setParameter("date", date).setMaxResults(count).getResultList();
        return days.isEmpty() ? date : days.get(days.size() - 1);
    }
}
