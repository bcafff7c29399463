package coop.tally.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Member accounts as the posting path needs them: locked for update, always in ascending
 * account-number order, so two postings touching the same two accounts lock them in the same
 * order and cannot deadlock.
 */
@ApplicationScoped
public class MemberAccounts {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    /**
     * Locks the named accounts ({@code SELECT ... FOR UPDATE}) and returns those that exist, by
     * account number. The caller's transaction holds the locks until it ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, MemberAccount> lockForPosting(Collection<String> accountNumbers) {
        Map<String, MemberAccount> locked = new LinkedHashMap<>();
        for (String number : new TreeSet<>(accountNumbers)) {
            em.createQuery("select a from MemberAccount a where a.accountNumber = :number", MemberAccount.class)
                    .setParameter("number", number)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultStream().findFirst()
                    .ifPresent(account -> locked.put(number, account));
        }
        return locked;
    }

    public Optional<MemberAccount> find(String accountNumber) {
        return em.createQuery("select a from MemberAccount a where a.accountNumber = :number", MemberAccount.class)
                .setParameter("number", accountNumber)
                .getResultStream().findFirst();
    }

    /** The account numbers of a member, whatever their status. */
    public List<String> numbersOf(String memberNumber) {
        return em.createQuery("select a.accountNumber from MemberAccount a where a.member.memberNumber = :number", String.class)
                .setParameter("number", memberNumber)
                .getResultList();
    }

    /** Adds an account opened at the desk; its number must be free (the unique key refuses a race). */
    @Transactional(Transactional.TxType.MANDATORY)
    public MemberAccount add(MemberAccount account) {
        em.persist(account);
        em.flush();
        return account;
    }

    /** A member's accounts, whatever their status, by account number. */
    public List<MemberAccount> ofMember(String memberNumber) {
        return em.createQuery("select a from MemberAccount a where a.member.memberNumber = :number order by a.accountNumber",
                        MemberAccount.class)
                .setParameter("number", memberNumber)
                .getResultList();
    }

    /** The numbers of open certificates whose maturity date is on or before {@code date}. */
    public List<String> certificatesMaturingBy(java.time.LocalDate date) {
        return em.createQuery("select a.accountNumber from MemberAccount a where a.type = :type and a.status <> :closed"
                        + " and a.maturityDate <= :date order by a.accountNumber", String.class)
                .setParameter("type", AccountType.CERTIFICATE)
                .setParameter("closed", AccountStatus.CLOSED)
                .setParameter("date", date)
                .getResultList();
    }

    public List<MemberAccount> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from MemberAccount a where a.id in :ids", MemberAccount.class)
                .setParameter("ids", ids)
                .getResultList();
    }
}
