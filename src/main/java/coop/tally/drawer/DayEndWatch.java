package coop.tally.drawer;

import coop.tally.ledger.BusinessDayOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * When ADMIN advances the business date, every drawer of the day that ended which is still open
 * (or waiting for a close approval) is flagged to supervisors, in the same transaction. A drawer is
 * never closed for its rep: only a count closes a drawer.
 */
@ApplicationScoped
public class DayEndWatch {

    @Inject
    DrawerClose drawers;

    void dayOpened(@Observes BusinessDayOpened event) {
        drawers.flagOpenAtDayEnd(event.previousBusinessDate());
    }
}
