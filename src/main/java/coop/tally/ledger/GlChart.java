package coop.tally.ledger;

import jakarta.persistence.LockModeType;
import coop.tally.platform.TallyClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The chart of GL accounts. The fixed accounts come from the schema migration; sub-accounts
 * such as one cash account per drawer ({@code 1010-<drawer>}) are opened on first use.
 */
@ApplicationScoped
public class GlChart {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    TallyClock clock;

    public List<GlAccount> all() {
        return em.createQuery("select g from GlAccount g order by g.code", GlAccount.class).getResultList();
    }

    /** Makes sure a line's GL account exists; a sub-account "PARENT-suffix" is opened under its parent. */
    /** GL accounts are never deleted, so an account seen once exists for good. */
    private final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Transactional(Transactional.TxType.MANDATORY)
    void ensureExists(String code) {
        if (known.contains(code)) {
            return;
        }
        if (em.find(GlAccount.class, code) != null) {
            known.add(code);
            return;
        }
        int dash = code.indexOf('-');
        GlAccount parent = dash > 0 ? em.find(GlAccount.class, code.substring(0, dash)) : null;
        if (parent == null) {
            throw new IllegalStateException("No GL account " + code + " in the chart");
        }
        em.persist(new GlAccount(code, parent.name() + " " + code.substring(dash + 1), parent, clock.now()));
        em.flush();
    }

    /** Locks one GL account's chart row until the caller's transaction ends (e.g. the vault, before it issues cash). */
    @Transactional(Transactional.TxType.MANDATORY)
    public GlAccount lock(String code) {
        GlAccount account = em.find(GlAccount.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new IllegalStateException("The chart has no account " + code);
        }
        return account;
    }
}
