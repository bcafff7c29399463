package coop.tally.bsa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.List;

/**
 * The BSA records as a reviewer reads them, newest first. {@code memberPattern} is a member
 * number or {@code %} for every member (member numbers are digits, so no other wildcard reaches here).
 */
@ApplicationScoped
public class BsaReviews {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    public List<CurrencyTransactionReport> ctrs(String memberPattern, LocalDate from, LocalDate to, int max) {
        return em.createQuery("select r from CurrencyTransactionReport r where r.memberNumber like :member"
                        + " and r.businessDate >= :from and r.businessDate <= :to order by r.id desc", CurrencyTransactionReport.class)
                .setParameter("member", memberPattern).setParameter("from", from).setParameter("to", to)
                .setMaxResults(max).getResultList();
    }

    /** The cash movements a CTR reports: its member's, on its day, in its direction, reversals included. */
    public List<CashMovement> movementsOf(CurrencyTransactionReport report) {
        return em.createQuery("select c from CashMovement c where c.memberNumber = :member"
                        + " and c.businessDate = :date and c.direction = :direction order by c.id", CashMovement.class)
                .setParameter("member", report.memberNumber()).setParameter("date", report.businessDate())
                .setParameter("direction", report.direction()).getResultList();
    }

    public List<InstrumentPurchase> instrumentPurchases(String memberPattern, int max) {
        return em.createQuery("select p from InstrumentPurchase p where p.memberNumber like :member order by p.id desc",
                InstrumentPurchase.class).setParameter("member", memberPattern).setMaxResults(max).getResultList();
    }

    public List<StructuringAlert> structuringAlerts(String memberPattern, int max) {
        return em.createQuery("select a from StructuringAlert a where a.memberNumber like :member order by a.id desc",
                StructuringAlert.class).setParameter("member", memberPattern).setMaxResults(max).getResultList();
    }

    /** The official checks bought with cash on a business date, in order. */
    public List<InstrumentPurchase> instrumentPurchasesOn(LocalDate businessDate) {
        return em.createQuery("select p from InstrumentPurchase p where p.businessDate = :date order by p.id",
                InstrumentPurchase.class).setParameter("date", businessDate).getResultList();
    }

    /** The structuring alerts raised on a business date, in order. */
    public List<StructuringAlert> structuringAlertsOn(LocalDate businessDate) {
        return em.createQuery("select a from StructuringAlert a where a.businessDate = :date order by a.id",
                StructuringAlert.class).setParameter("date", businessDate).getResultList();
    }
}
