package coop.tally.ledger;

import coop.tally.ledger.hold.BusinessCalendar;
import coop.tally.platform.Refusal;
import coop.tally.platform.TallyClock;
import coop.tally.staff.SecurityLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * Ends the business day and opens the next one (weekends and Federal Reserve holidays skipped):
 * holds due on it are released, the change is logged, and {@link BusinessDayOpened} tells the
 * drawers and the audit checkpoint, all in one transaction.
 */
@ApplicationScoped
public class DayEnd {

    /** How far the business date may run ahead of the credit union's calendar. */
    static final int MAX_YEARS_AHEAD = 1;

    private final BusinessCalendar calendar = new BusinessCalendar();

    @Inject
    BusinessDates businessDates;

    @Inject
    Holds holds;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    @Inject
    Event<BusinessDayOpened> dayOpened;

    public record Opened(LocalDate previous, LocalDate next, int holdsReleased) {
    }

    @Transactional
    public Opened openNextDay(String admin) {
        LocalDate current = businessDates.lockCurrent();
        LocalDate next = calendar.plusBusinessDays(current, 1);
        if (next.isAfter(clock.today().plusYears(MAX_YEARS_AHEAD))) {
            throw Refusal.byRules("BUSINESS_DATE_TOO_FAR", "The business date cannot run a year ahead of the calendar.");
        }
        businessDates.openNext(next, admin);
        int released = holds.releaseAllDue(next);
        securityLog.record("BUSINESS_DATE_ADVANCED", admin, next.toString(), "from " + current + ", holds released " + released);
        dayOpened.fire(new BusinessDayOpened(current, next));
        return new Opened(current, next, released);
    }
}
