package coop.tally.drawer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Optional;

/**
 * What a writer told a drawer about the entry it is about to post through the drawer's cash
 * account: which drawer (locked), what kind of movement, and the denominations counted. Kept with
 * the transaction, so that {@link DrawerCashWatch} moves the drawer when the entry is published and
 * a rolled-back posting leaves nothing behind.
 */
@ApplicationScoped
class AdmittedCash {

    record Admission(Drawer drawer, DrawerMovement.Kind kind, DenominationCount denominations) {
    }

    @Resource
    TransactionSynchronizationRegistry transaction;

    void expect(Drawer drawer, DrawerMovement.Kind kind, DenominationCount denominations) {
        transaction.putResource(key(drawer.glCode()), new Admission(drawer, kind, denominations));
    }

    /** The admission for the drawer with this cash account, once: a second entry needs its own. */
    Optional<Admission> take(String glCode) {
        Object admission = transaction.getResource(key(glCode));
        transaction.putResource(key(glCode), null);
        return Optional.ofNullable((Admission) admission);
    }

    private static String key(String glCode) {
        return AdmittedCash.class.getName() + ":" + glCode;
    }
}
