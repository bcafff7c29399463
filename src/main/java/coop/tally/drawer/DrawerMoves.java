package coop.tally.drawer;

import coop.tally.ledger.AccountRef;
import coop.tally.ledger.BusinessDates;
import coop.tally.ledger.EntryContext;
import coop.tally.ledger.EntryDraft;
import coop.tally.ledger.EntryHeader;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.JournalEntry;
import coop.tally.ledger.JournalPipeline;
import coop.tally.ledger.LineDraft;
import coop.tally.money.Money;
import coop.tally.platform.TallyClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Map;

/**
 * A drawer's own moves of cash (vault buys and sells, over/short, the closing return, cash handed to
 * another drawer) as journal
 * entries on the drawer's cash account, and the drawer moved by what any entry did to that account,
 * with the movement recorded, so that the expected cash always equals the account's balance.
 * Callers hold the drawer's lock.
 */
@ApplicationScoped
class DrawerMoves {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    JournalPipeline pipeline;

    @Inject
    BusinessDates businessDates;

    @Inject
    TallyClock clock;

    @Inject
    AdmittedCash admitted;

    /**
     * A balanced two-line entry between the drawer's cash account ({@code delta}: + debit, − credit)
     * and {@code other}; the drawer moves with it as a movement of this kind, with the denominations
     * counted (or null).
     */
    JournalEntry append(DrawerMovement.Kind kind, EntryType type, String staff, String memo, Drawer drawer, Money delta,
                        AccountRef other, DenominationCount denominations) {
        AccountRef cash = AccountRef.gl(drawer.glCode());
        Money amount = delta.isNegative() ? delta.negate() : delta;
        EntryDraft draft = delta.isNegative()
                ? EntryDraft.of(type, LineDraft.debit(other, amount), LineDraft.credit(cash, amount))
                : EntryDraft.of(type, LineDraft.debit(cash, amount), LineDraft.credit(other, amount));
        admitted.expect(drawer, kind, denominations);
        return pipeline.post(EntryHeader.posting(type, businessDates.current(), clock.now(), staff, null, null, memo),
                draft, Map.of(), EntryContext.NO_MEMBER);
    }

    /**
     * One balanced entry handing {@code count} from {@code from}'s cash account to {@code to}'s: both
     * drawers are admitted, so that {@link DrawerCashWatch} moves each of them by what the entry did
     * to its own account (out of one, into the other), with the pieces recorded on both.
     */
    JournalEntry handOver(String staff, String memo, Drawer from, Drawer to, DenominationCount count) {
        Money amount = count.total();
        admitted.expect(from, DrawerMovement.Kind.TELLER_TRANSFER, count);
        admitted.expect(to, DrawerMovement.Kind.TELLER_TRANSFER, count);
        EntryDraft draft = EntryDraft.of(EntryType.TELLER_TRANSFER,
                LineDraft.debit(AccountRef.gl(to.glCode()), amount), LineDraft.credit(AccountRef.gl(from.glCode()), amount));
        return pipeline.post(EntryHeader.posting(EntryType.TELLER_TRANSFER, businessDates.current(), clock.now(), staff, null, null, memo),
                draft, Map.of(), EntryContext.NO_MEMBER);
    }

    /** Moves the drawer by what an entry did to its cash account ({@link DrawerCashWatch}). */
    void record(Drawer drawer, JournalEntry entry, DrawerMovement.Kind kind, Money delta, String staff,
                        DenominationCount denominations) {
        if (delta.isZero()) {
            return;
        }
        drawer.move(delta);
        em.persist(new DrawerMovement(drawer, entry.id(), kind, delta, entry.postedAt(), staff, denominations));
    }
}
