package coop.tally.ledger;

import coop.tally.member.MemberAccount;
import coop.tally.member.MemberAccounts;
import coop.tally.money.Money;
import coop.tally.platform.TallyClock;
import coop.tally.ledger.hold.Hold;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Holds on deposited funds. Placing one lowers the account's available balance; releasing it
 * (on its business date, or when the deposit is reversed) raises it back.
 */
@ApplicationScoped
public class Holds {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    TallyClock clock;

    @Inject
    MemberAccounts accounts;

    @Transactional(Transactional.TxType.MANDATORY)
    public List<AccountHold> place(MemberAccount account, JournalEntry entry, List<Hold> holds, LocalDate businessDate) {
        return holds.stream().map(hold -> {
            account.placeHold(hold.amount());
            AccountHold placed = new AccountHold(account.id(), entry.id(), hold.amount(), businessDate, hold.releaseOn());
            em.persist(placed);
            return placed;
        }).toList();
    }

    /** Releases the holds of locked accounts that have come due by the business date. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseDue(Collection<MemberAccount> lockedAccounts, LocalDate businessDate) {
        // An account whose available balance equals its ledger balance has no active hold to release.
        List<MemberAccount> withHolds = lockedAccounts.stream().filter(account -> account.holds().isPositive()).toList();
        if (withHolds.isEmpty()) {
            return;
        }
        Map<Long, MemberAccount> byId = withHolds.stream()
                .collect(Collectors.toMap(MemberAccount::id, Function.identity()));
        em.createQuery("select h from AccountHold h where h.memberAccountId in :ids and h.releasedAt is null"
                        + " and h.releaseOn <= :date", AccountHold.class)
                .setParameter("ids", byId.keySet())
                .setParameter("date", businessDate)
                .getResultList()
                .forEach(hold -> release(hold, byId.get(hold.memberAccountId()), "RELEASE_DATE"));
    }

    /** Releases every hold that has come due: run when a new business day opens. Returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int releaseAllDue(LocalDate businessDate) {
        List<AccountHold> due = em.createQuery("select h from AccountHold h where h.releasedAt is null"
                        + " and h.releaseOn <= :date order by h.memberAccountId", AccountHold.class)
                .setParameter("date", businessDate)
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, MemberAccount> locked = accounts.lockForPosting(accounts.byIds(
                due.stream().map(AccountHold::memberAccountId).distinct().toList()).stream()
                .map(MemberAccount::accountNumber).toList());
        Map<Long, MemberAccount> byId = locked.values().stream()
                .collect(Collectors.toMap(MemberAccount::id, Function.identity()));
        due.forEach(hold -> release(hold, byId.get(hold.memberAccountId()), "RELEASE_DATE"));
        return due.size();
    }

    /** Releases the active holds a deposit placed, when that deposit is reversed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Money releaseForReversal(long entryId, Map<String, MemberAccount> lockedAccounts) {
        Map<Long, MemberAccount> byId = lockedAccounts.values().stream()
                .collect(Collectors.toMap(MemberAccount::id, Function.identity()));
        Money released = Money.ZERO;
        for (AccountHold hold : activeHoldsOf(entryId)) {
            release(hold, byId.get(hold.memberAccountId()), "DEPOSIT_REVERSED");
            released = released.plus(hold.amount());
        }
        return released;
    }

    private List<AccountHold> activeHoldsOf(long entryId) {
        return em.createQuery("select h from AccountHold h where h.entryId = :entry and h.releasedAt is null",
                        AccountHold.class)
                .setParameter("entry", entryId)
                .getResultList();
    }

    public List<AccountHold> activeHoldsOn(long memberAccountId) {
        return em.createQuery("select h from AccountHold h where h.memberAccountId = :account and h.releasedAt is null"
                        + " order by h.releaseOn", AccountHold.class)
                .setParameter("account", memberAccountId)
                .getResultList();
    }

    private void release(AccountHold hold, MemberAccount account, String reason) {
        if (account == null) {
            throw new IllegalStateException("Hold on an account that is not locked: " + hold.memberAccountId());
        }
        account.releaseHold(hold.amount());
        hold.release(clock.now(), reason);
    }
}
