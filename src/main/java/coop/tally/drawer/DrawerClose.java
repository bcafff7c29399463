package coop.tally.drawer;

import coop.tally.approval.ApprovalKind;
import coop.tally.approval.ApprovalStatus;
import coop.tally.approval.Approvals;
import coop.tally.approval.PolicyDecision;
import coop.tally.ledger.AccountRef;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.GlAccounts;
import coop.tally.money.Money;
import coop.tally.platform.Refusal;
import coop.tally.platform.TallyClock;
import coop.tally.staff.SecurityLog;
import coop.tally.web.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The blind close of a drawer: the rep's count, the supervisor's approval of a count out of
 * tolerance, the over/short and the return of the counted cash to the vault; and at day end, a
 * flag on every drawer left open.
 */
@ApplicationScoped
public class DrawerClose {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    DrawerService drawers;

    @Inject
    DrawerMoves moves;

    @Inject
    DrawerSettings settings;

    @Inject
    Approvals approvals;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    @Inject
    TellerTransfers transfers;

    /**
     * The rep's blind close count. The over/short is computed against the expected cash; within
     * tolerance the drawer closes at once, beyond it the drawer waits (taking no postings) for a
     * supervisor ({@link CloseApproval}). Refused (409 TRANSFERS_PENDING, naming them) while cash
     * handed to or from the drawer waits to be accepted, rejected or withdrawn: the count would not
     * know whether that cash is in the drawer.
     */
    @Transactional
    public Drawer submitCloseCount(String rep, long drawerId, DenominationCount count) {
        Drawer drawer = drawers.ownDrawer(rep, drawerId);
        DrawerService.requireOpen(drawer);
        List<Long> pending = transfers.pendingOf(drawer.id()).stream().map(TellerTransfer::id).toList();
        if (!pending.isEmpty()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "TRANSFERS_PENDING", "Cash handed to or from this drawer waits to be accepted,"
                    + " rejected or withdrawn; settle it before the close count.", Map.of("transfers", pending));
        }
        drawer.counted(count, clock.now());
        securityLog.record("DRAWER_COUNTED", rep, "drawer " + drawer.id(), "over/short " + drawer.overShort().toPlainString());
        if (CloseApproval.needsApproval(drawer.overShort(), settings.closeTolerance())) {
            askCloseApproval(drawer, rep);
        } else {
            finishClose(drawer, rep, null, null);
        }
        return drawer;
    }

    /**
     * The rep asks again for the close of their drawer counted out of tolerance, after the last
     * request was denied, expired or cancelled (the count stands: there is no recount).
     */
    @Transactional
    public Drawer askCloseApprovalAgain(String rep, long drawerId) {
        Drawer drawer = drawers.ownDrawer(rep, drawerId);
        if (drawer.state() != DrawerState.AWAITING_APPROVAL) {
            throw Refusal.conflict("DRAWER_NOT_AWAITING_APPROVAL", "The drawer is not waiting for a close approval.");
        }
        boolean pending = drawer.closeApprovalId() != null && approvals.find(drawer.closeApprovalId())
                .map(view -> view.status() == ApprovalStatus.PENDING).orElse(false);
        if (pending) {
            throw Refusal.conflict("APPROVAL_PENDING", "The close already waits in the approval queue.");
        }
        askCloseApproval(drawer, rep);
        return drawer;
    }

    /** Puts the close in the supervisors' approval queue; a supervisor's approval runs {@link #approveClose}. */
    private void askCloseApproval(Drawer drawer, String rep) {
        Money size = drawer.overShort().isNegative() ? drawer.overShort().negate() : drawer.overShort();
        String overOrShort = (drawer.overShort().isNegative() ? "short " : "over ") + size.toPlainString();
        Approvals.View request = approvals.request(ApprovalKind.DRAWER_CLOSE, rep, null, null,
                "Close drawer " + drawer.id() + ", " + overOrShort,
                JsonBuilders.JSON.createObjectBuilder().add("drawerId", drawer.id()).build(),
                List.of(PolicyDecision.override("CLOSE_OUT_OF_TOLERANCE", "The count is " + overOrShort
                        + ", beyond the close tolerance of " + settings.closeTolerance().toPlainString() + ".")),
                JsonBuilders.JSON.createArrayBuilder().add(JsonBuilders.JSON.createObjectBuilder()
                        .add("drawer", drawer.id()).add("expected", drawer.expectedAtCount().toPlainString())
                        .add("counted", drawer.closingTotal().toPlainString())).build());
        drawer.awaitsApproval(request.request().id());
    }

    /** A supervisor approves the close of a drawer counted out of tolerance (through the approval queue: {@link DrawerCloseApproval}). */
    @Transactional
    public Drawer approveClose(String supervisor, long drawerId, String reason) {
        Drawer drawer = drawers.lock(drawerId);
        CloseApproval.requireApprovable(drawer, supervisor, reason);
        finishClose(drawer, supervisor, supervisor, reason.strip());
        securityLog.record("DRAWER_CLOSE_APPROVED", supervisor, "drawer " + drawer.id(),
                "over/short " + drawer.overShort().toPlainString() + ": " + reason.strip());
        return drawer;
    }

    /**
     * Posts the over/short to the cash over/short GL (a short debits it, an over credits it), then
     * returns the counted cash to the vault, so that the drawer's account ends the day at zero and
     * tomorrow's drawer starts from a new vault issue.
     */
    private void finishClose(Drawer drawer, String staff, String approvedBy, String reason) {
        Money overShort = drawer.overShort();
        if (!overShort.isZero()) {
            moves.append(DrawerMovement.Kind.OVER_SHORT, EntryType.CASH_OVER_SHORT, staff, "Drawer " + drawer.id()
                    + (overShort.isNegative() ? " short " : " over ") + (overShort.isNegative() ? overShort.negate() : overShort).toPlainString(),
                    drawer, overShort, AccountRef.gl(GlAccounts.CASH_OVER_SHORT), null);
        }
        Money counted = drawer.closingTotal();
        if (counted.isPositive()) {
            moves.append(DrawerMovement.Kind.CLOSING_RETURN, EntryType.VAULT_SELL, staff, "Drawer " + drawer.id()
                    + " returns its counted cash to the vault", drawer, counted.negate(), AccountRef.gl(GlAccounts.VAULT_CASH),
                    drawer.closingCount());
        }
        drawer.closed(clock.now(), approvedBy, reason);
        securityLog.record("DRAWER_CLOSED", staff, "drawer " + drawer.id(), "over/short " + overShort.toPlainString());
    }

    /** Flags every drawer of the day that ended which is not closed; nothing is closed for the rep. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int flagOpenAtDayEnd(LocalDate endedBusinessDate) {
        List<Drawer> open = em.createQuery("select d from Drawer d where d.businessDate = :date and d.state <> :closed",
                        Drawer.class)
                .setParameter("date", endedBusinessDate)
                .setParameter("closed", DrawerState.CLOSED)
                .getResultList();
        Instant now = clock.now();
        for (Drawer drawer : open) {
            em.persist(new DrawerFlag(drawer, DrawerFlag.Kind.OPEN_AT_DAY_END, now,
                    drawer.state() + " when business date " + endedBusinessDate + " ended"));
            securityLog.record("DRAWER_OPEN_AT_DAY_END", "system", "drawer " + drawer.id(), "owner " + drawer.owner());
        }
        return open.size();
    }
}
