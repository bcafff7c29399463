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

    public List<MemberAccount> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from MemberAccount a where a.id in :ids", MemberAccount.class)
                .setParameter("ids", ids)
                .getResultList();
    }
}
