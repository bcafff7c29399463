package coop.tally.drawer;

import coop.tally.ledger.BusinessDates;
import coop.tally.ledger.JournalEntry;
import coop.tally.money.Money;
import coop.tally.platform.Refusal;
import coop.tally.platform.TallyClock;
import coop.tally.staff.SecurityLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Cash handed from one rep's drawer to another's (dual control): the sender proposes, the receiver
 * accepts with a count of their own that must match (then, and only then, one entry moves the cash
 * and both drawers with it) or rejects; the sender may withdraw an unaccepted transfer. Locks, in
 * one order everywhere: the two drawers by ascending id, then the transfer. Every step is logged.
 * No answer says what a drawer holds: the close stays blind.
 */
@ApplicationScoped
public class TellerTransfers {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    DrawerService drawers;

    @Inject
    DrawerMoves moves;

    @Inject
    BusinessDates businessDates;

    @Inject
    TallyClock clock;

    @Inject
    SecurityLog securityLog;

    /** The sender proposes {@code count} from their open drawer to {@code toRep}'s open drawer of the same business day. */
    @Transactional
    public TellerTransfer propose(String rep, String toRep, DenominationCount count) {
        TellerTransferRules.requireAnotherRep(rep, toRep);
        Money amount = DrawerService.positiveTotal(count);
        LocalDate today = businessDates.current();
        Drawer ownUnlocked = drawers.drawerOf(rep, today, false)
                .orElseThrow(() -> Refusal.notFound("NO_DRAWER", "You have no drawer for the current business date."));
        Drawer theirsUnlocked = drawers.drawerOf(toRep, today, false).orElseThrow(() -> receiverNotOpen(toRep));
        Drawer[] locked = lockInOrder(ownUnlocked.id(), theirsUnlocked.id());
        Drawer from = locked[0];
        Drawer to = locked[1];
        DrawerService.requireOpen(from);
        if (to.state() != DrawerState.OPEN) {
            throw receiverNotOpen(toRep);
        }
        List<TellerTransfer> promised = pendingOf(from.id()).stream().filter(t -> t.fromDrawerId() == from.id()).toList();
        Money promisedTotal = promised.stream().map(TellerTransfer::amount).reduce(Money.ZERO, Money::plus);
        requireHeld(from, TellerTransferRules.sum(promised.stream().map(TellerTransfer::denominations).toList()), count);
        DrawerService.refuseUnfundable(from, promisedTotal.plus(amount).negate());
        TellerTransfer transfer = new TellerTransfer(from, to, count, clock.now());
        em.persist(transfer);
        em.flush();
        securityLog.record("TELLER_TRANSFER_PROPOSED", rep, "teller transfer " + transfer.id(),
                "drawer " + from.id() + " to drawer " + to.id() + " (" + toRep + "), " + amount.toPlainString());
        return transfer;
    }

    /**
     * The receiver accepts with their own count: it must match the pieces handed over, denomination
     * by denomination (else 422 TRANSFER_COUNT_MISMATCH, logged, nothing changes); the sender must
     * still hold them; then the entry posts and both drawers move with it.
     */
    @Transactional
    public TellerTransfer accept(String rep, long transferId, DenominationCount counted) {
        TellerTransfer unlocked = find(transferId);
        TellerTransferRules.requireParty(TellerTransferRules.Step.ACCEPT, rep, unlocked.fromRep(), unlocked.toRep());
        Drawer[] locked = lockInOrder(unlocked.fromDrawerId(), unlocked.toDrawerId());
        Drawer from = locked[0];
        Drawer to = locked[1];
        TellerTransfer transfer = lockTransfer(transferId);
        TellerTransferRules.next(transfer.state(), TellerTransferRules.Step.ACCEPT);
        if (!transfer.businessDate().equals(businessDates.current())) {
            throw Refusal.conflict("TRANSFER_DAY_ENDED", "The transfer was proposed on a business day that has ended; reject it,"
                    + " or the sender withdraws it.");
        }
        List<Denomination> differ = TellerTransferRules.differences(transfer.denominations(), counted);
        if (!differ.isEmpty()) {
            securityLog.record("TELLER_TRANSFER_COUNT_MISMATCH", rep, "teller transfer " + transfer.id(),
                    "counted " + counted.total().toPlainString() + " against " + transfer.amount().toPlainString());
            throw new Refusal(Refusal.Kind.RULES, "TRANSFER_COUNT_MISMATCH", "Your count does not match the cash handed over;"
                    + " count again, or reject the transfer.", Map.of("denominations", TellerTransferRules.keys(differ)));
        }
        requireHeld(from, Map.of(), transfer.denominations());
        DrawerService.refuseUnfundable(from, transfer.amount().negate());
        DrawerService.refuseUnfundable(to, transfer.amount());
        JournalEntry entry = moves.handOver(rep, "Teller transfer " + transfer.id() + ": drawer " + from.id() + " to drawer " + to.id(),
                from, to, transfer.denominations());
        transfer.decide(TellerTransferRules.Step.ACCEPT, rep, clock.now(), null, entry.id());
        securityLog.record("TELLER_TRANSFER_ACCEPTED", rep, "teller transfer " + transfer.id(),
                "entry " + entry.id() + ", " + transfer.amount().toPlainString() + " from " + transfer.fromRep());
        return transfer;
    }

    /** The receiver refuses the cash (a reason is optional); nothing moves. */
    @Transactional
    public TellerTransfer reject(String rep, long transferId, String reason) {
        return endWithoutCash(TellerTransferRules.Step.REJECT, rep, transferId, reason, "TELLER_TRANSFER_REJECTED");
    }

    /** The sender takes back an unaccepted transfer; nothing moves. */
    @Transactional
    public TellerTransfer withdraw(String rep, long transferId) {
        return endWithoutCash(TellerTransferRules.Step.WITHDRAW, rep, transferId, null, "TELLER_TRANSFER_WITHDRAWN");
    }

    private TellerTransfer endWithoutCash(TellerTransferRules.Step step, String rep, long transferId, String reason, String event) {
        TellerTransfer unlocked = find(transferId);
        TellerTransferRules.requireParty(step, rep, unlocked.fromRep(), unlocked.toRep());
        TellerTransfer transfer = lockTransfer(transferId);
        transfer.decide(step, rep, clock.now(), reason, null);
        securityLog.record(event, rep, "teller transfer " + transfer.id(), reason == null ? transfer.amount().toPlainString()
                : transfer.amount().toPlainString() + ": " + reason);
        return transfer;
    }

    /** The transfers to or from the drawer still waiting for a step: the drawer's close waits for them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TellerTransfer> pendingOf(long drawerId) {
        return em.createQuery("select t from TellerTransfer t where (t.fromDrawerId = :id or t.toDrawerId = :id)"
                        + " and t.state = :proposed order by t.id", TellerTransfer.class)
                .setParameter("id", drawerId)
                .setParameter("proposed", TellerTransferState.PROPOSED)
                .getResultList();
    }

    /** The rep's transfers of the business date, to them and from them, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TellerTransfer> of(String rep, LocalDate businessDate) {
        return em.createQuery("select t from TellerTransfer t where (t.fromRep = :rep or t.toRep = :rep)"
                        + " and t.businessDate = :date order by t.id desc", TellerTransfer.class)
                .setParameter("rep", rep)
                .setParameter("date", businessDate)
                .getResultList();
    }

    /** The other reps' drawers open on the business date, by rep: who can take cash now (nothing about what they hold). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Drawer> openDrawersBesides(String rep, LocalDate businessDate) {
        return em.createQuery("select d from Drawer d where d.businessDate = :date and d.state = :open and d.owner <> :rep"
                        + " order by d.owner", Drawer.class)
                .setParameter("date", businessDate)
                .setParameter("open", DrawerState.OPEN)
                .setParameter("rep", rep)
                .getResultList();
    }

    /** The transfer; else 404 TRANSFER_NOT_FOUND. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TellerTransfer find(long transferId) {
        TellerTransfer transfer = em.find(TellerTransfer.class, transferId);
        if (transfer == null) {
            throw Refusal.notFound("TRANSFER_NOT_FOUND", "No teller transfer has that id.");
        }
        return transfer;
    }

    /** The drawers of {@code from} and {@code to}, locked in ascending id order (so two transfers never deadlock). */
    private Drawer[] lockInOrder(long from, long to) {
        if (from < to) {
            Drawer first = drawers.lock(from);
            return new Drawer[] {first, drawers.lock(to)};
        }
        Drawer first = drawers.lock(to);
        return new Drawer[] {drawers.lock(from), first};
    }

    private TellerTransfer lockTransfer(long transferId) {
        return em.createQuery("select t from TellerTransfer t where t.id = :id", TellerTransfer.class)
                .setParameter("id", transferId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
    }

    /** 422 DENOMINATIONS_NOT_HELD naming the denominations the drawer (less what it promised) does not hold; never how many it holds. */
    private void requireHeld(Drawer drawer, Map<Denomination, Long> promised, DenominationCount wanted) {
        List<TellerTransferRules.CountedMove> moves = em.createQuery(
                        "select m from DrawerMovement m where m.drawerId = :id order by m.id", DrawerMovement.class)
                .setParameter("id", drawer.id())
                .getResultStream()
                .map(m -> new TellerTransferRules.CountedMove(m.in(), m.denominations()))
                .toList();
        List<Denomination> missing = TellerTransferRules.notHeld(TellerTransferRules.held(moves), promised, wanted);
        if (!missing.isEmpty()) {
            throw new Refusal(Refusal.Kind.RULES, "DENOMINATIONS_NOT_HELD", "Your drawer does not hold that many pieces of "
                    + String.join(", ", TellerTransferRules.keys(missing)) + ".",
                    Map.of("field", "count", "denominations", TellerTransferRules.keys(missing)));
        }
    }

    private static Refusal receiverNotOpen(String toRep) {
        return new Refusal(Refusal.Kind.CONFLICT, "RECEIVER_DRAWER_NOT_OPEN",
                "That rep has no open drawer for the current business date.", Map.of("toRep", toRep));
    }
}
