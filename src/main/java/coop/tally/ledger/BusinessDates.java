package coop.tally.ledger;

import coop.tally.platform.SchemaReady;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    @Transactional
    public LocalDate current() {
        return em.createQuery("select max(d.businessDate) from BusinessDay d", LocalDate.class).getSingleResult();
    }

    /** Opens the next business day and returns it; the caller releases what falls due on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    BusinessDay openNext(LocalDate next, String openedBy) {
        BusinessDay day = new BusinessDay(next, clock.now(), openedBy);
        em.persist(day);
        return day;
    }
}
