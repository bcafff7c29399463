package coop.tally.drawer;

import coop.tally.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawers as the business day's close reads them: the ones not yet closed (which hold the close
 * back), and each drawer's figures for the day's report. Read after the close counts only: what a
 * drawer still open expected is never part of a figure here (the close is blind).
 */
@ApplicationScoped
@Transactional
public class DrawerDayFigures {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    /** A drawer that is not closed, of any business date up to now. */
    public record Unclosed(long id, String owner, LocalDate businessDate, DrawerState state) {
    }

    /**
     * One drawer's day. {@code cashIn}/{@code cashOut}: member cash postings and their reversals;
     * {@code vaultIn}/{@code vaultOut}: buys from and sells to the vault during the day (the opening
     * issue and the closing return apart); {@code handedIn}/{@code handedOut}: cash accepted from and
     * by other reps' drawers (teller transfers). Counted, expected and over/short are null until counted;
     * {@code approvedBy} names the supervisor who approved a close out of tolerance.
     */
    public record Line(long id, String owner, DrawerState state, Money vaultIssue, Money opening, Money cashIn,
                       Money cashOut, Money vaultIn, Money vaultOut, Money handedIn, Money handedOut, Money counted,
                       Money expected, Money overShort, String approvedBy) {
    }

    /** Every drawer not closed, oldest first. */
    public List<Unclosed> unclosed() {
        return em.createQuery("select d from Drawer d where d.state <> :closed order by d.businessDate, d.id", Drawer.class)
                .setParameter("closed", DrawerState.CLOSED)
                .getResultList().stream()
                .map(d -> new Unclosed(d.id(), d.owner(), d.businessDate(), d.state()))
                .toList();
    }

    /** The figures of every drawer of a business date, by id. */
    public List<Line> of(LocalDate businessDate) {
        List<Line> lines = new ArrayList<>();
        for (Drawer drawer : em.createQuery("select d from Drawer d where d.businessDate = :date order by d.id", Drawer.class)
                .setParameter("date", businessDate).getResultList()) {
            lines.add(line(drawer));
        }
        return lines;
    }

    private Line line(Drawer drawer) {
        if (!drawer.isCounted()) {
            return new Line(drawer.id(), drawer.owner(), drawer.state(), drawer.vaultIssue(), drawer.openingTotal(),
                    null, null, null, null, null, null, null, null, null, drawer.closeApprovedBy());
        }
        CashFlows flows = CashFlows.of(em.createQuery("select m from DrawerMovement m where m.drawerId = :id order by m.id",
                DrawerMovement.class).setParameter("id", drawer.id()).getResultList());
        return new Line(drawer.id(), drawer.owner(), drawer.state(), drawer.vaultIssue(), drawer.openingTotal(),
                flows.cashIn(), flows.cashOut(), flows.vaultIn(), flows.vaultOut(), flows.handedIn(), flows.handedOut(),
                drawer.closingTotal(), drawer.expectedAtCount(), drawer.overShort(), drawer.closeApprovedBy());
    }
}
