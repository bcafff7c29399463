package coop.tally.drawer;

import jakarta.inject.Inject;
import coop.tally.ledger.GlChart;
import coop.tally.ledger.GlAccounts;
import coop.tally.money.Money;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The vault's cash, GL {@value GlAccounts#VAULT_CASH}: never stored, always the sum of its journal
 * lines, and never below zero. Cash leaves the vault only by a drawer's opening issue or a vault
 * buy, which are rare: each takes the vault's lock (its chart row, {@code SELECT ... FOR UPDATE})
 * and reads the balance under it, so two issues that together exceed the vault are served one
 * after the other and the second sees the first. Cash coming back (sells, closing returns) takes
 * no lock, as it can only raise the balance: no cash posting ever waits on the vault.
 */
@ApplicationScoped
public class Vault {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    GlChart chart;

    /**
     * Locks the vault until the caller's transaction ends and checks that it holds {@code amount};
     * else 422 VAULT_CASH_SHORT (the caller rolls back: nothing is posted). The answer does not say
     * what the vault holds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(Money amount) {
        chart.lock(GlAccounts.VAULT_CASH);
        if (amount.isGreaterThan(balance())) {
            throw new Refusal(Refusal.Kind.RULES, "VAULT_CASH_SHORT", "The vault does not hold that much cash.",
                    Map.of("requested", amount.toPlainString()));
        }
    }

    /** Debits minus credits of the vault's lines, as committed (read after the lock, so after any other issue). */
    private Money balance() {
        Object[] sums = (Object[]) em.createNativeQuery("SELECT"
                        + " SUM(CASE WHEN side = 'D' THEN amount ELSE 0 END), SUM(CASE WHEN side = 'C' THEN amount ELSE 0 END)"
                        + " FROM journal_line WHERE gl_code = ?")
                .setParameter(1, GlAccounts.VAULT_CASH)
                .getSingleResult();
        return Money.of(decimal(sums[0]).subtract(decimal(sums[1])));
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(value.toString()).setScale(2);
    }
}
