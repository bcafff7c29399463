package coop.tally.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** The desk's records of openings and closings. */
@ApplicationScoped
public class AccountRecords {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Object record) {
        em.persist(record);
        em.flush();
    }

    public Optional<AccountOpening> opening(String accountNumber) {
        return Optional.ofNullable(em.find(AccountOpening.class, accountNumber));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AccountOpening> lockOpening(String accountNumber) {
        return Optional.ofNullable(em.find(AccountOpening.class, accountNumber, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<AccountOpening> openingByKey(String staff, String key) {
        return em.createQuery("select o from AccountOpening o where o.openedBy = :staff and o.idempotencyKey = :key",
                        AccountOpening.class)
                .setParameter("staff", staff).setParameter("key", key)
                .getResultStream().findFirst();
    }

    public Optional<AccountClosing> closing(String accountNumber) {
        return Optional.ofNullable(em.find(AccountClosing.class, accountNumber));
    }
}
