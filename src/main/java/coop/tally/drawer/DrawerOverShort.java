package coop.tally.drawer;

import coop.tally.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rep's drawer over/short for the scorecard: the drawers they closed in a period, from the
 * drawers' own counts (never typed in). A drawer counted but still waiting for its close approval
 * is not in it yet.
 */
@ApplicationScoped
public class DrawerOverShort implements DrawerResults {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Override
    public Optional<OverShort> overShort(String rep, Instant from, Instant to) {
        List<Drawer> closed = em.createQuery("select d from Drawer d where d.owner = :rep and d.state = :closed"
                        + " and d.closedAt >= :from and d.closedAt < :to", Drawer.class)
                .setParameter("rep", rep)
                .setParameter("closed", DrawerState.CLOSED)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        Money net = Money.ZERO;
        int outOfTolerance = 0;
        for (Drawer drawer : closed) {
            net = net.plus(drawer.overShort());
            // out of tolerance when it closed: it needed a supervisor's approval (whatever the tolerance is today)
            if (drawer.closeApprovedBy() != null) {
                outOfTolerance++;
            }
        }
        return Optional.of(new OverShort(net.toBigDecimal(), closed.size(), outOfTolerance));
    }
}
