package coop.tally.staff;

import jakarta.transaction.Transactional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Looks up staff accounts. Callers bring the transaction. */
@ApplicationScoped
public class StaffDirectory {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    public Optional<Staff> find(String username) {
        return em.createQuery("select s from Staff s where s.username = :username", Staff.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    Optional<Staff> findForUpdate(String username) {
        return em.createQuery("select s from Staff s where s.username = :username", Staff.class)
                .setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    List<Staff> all() {
        return em.createQuery("select s from Staff s order by s.username", Staff.class).getResultList();
    }

    long count() {
        return em.createQuery("select count(s) from Staff s", Long.class).getSingleResult();
    }

    void add(Staff staff) {
        em.persist(staff);
    }

    /**
     * Locks the staff member's row until the caller's transaction ends, so that work that must be
     * one at a time per staff member (opening a drawer, opening a call) cannot run twice at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void serializeWorkOf(String username) {
        findForUpdate(username);
    }
}
