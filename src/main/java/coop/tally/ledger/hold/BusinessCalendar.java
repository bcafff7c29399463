package coop.tally.ledger.hold;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Business days as the Federal Reserve keeps them: Monday to Friday, except the Fed's holidays.
 * Holidays are computed for any year from their rules, never listed per year:
 *
 * <ul>
 *   <li>fixed dates: New Year's Day (1 Jan), Juneteenth (19 Jun, from 2021, the year it became a
 *       federal holiday), Independence Day (4 Jul), Veterans Day (11 Nov), Christmas (25 Dec);</li>
 *   <li>Mondays: Martin Luther King Jr. Day (3rd in January), Washington's Birthday (3rd in
 *       February), Memorial Day (last in May), Labor Day (1st in September), Columbus Day (2nd in
 *       October);</li>
 *   <li>Thanksgiving: 4th Thursday in November.</li>
 * </ul>
 *
 * A fixed-date holiday on a Sunday is observed the Monday after. One on a Saturday is not moved:
 * the Fed stays open the Friday before, so that Friday remains a business day.
 *
 * <p>Immutable and thread-safe.
 */
public final class BusinessCalendar {

    private static final int FIRST_JUNETEENTH = 2021;

    /** True on Monday to Friday unless the Fed is closed for a holiday (or its observed Monday). */
    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        return !closingsIn(date.getYear()).contains(date);
    }

    /**
     * The date {@code businessDays} business days after {@code date}: counting starts on the day
     * after {@code date}, and only business days count. With 0 it is {@code date} itself. So a
     * deposit on Friday plus two business days is the Tuesday after (Monday is 1, Tuesday 2), or
     * Wednesday when that Monday is a holiday.
     */
    public LocalDate plusBusinessDays(LocalDate date, int businessDays) {
        if (businessDays < 0) {
            throw new IllegalArgumentException("businessDays must not be negative: " + businessDays);
        }
        LocalDate day = date;
        int counted = 0;
        while (counted < businessDays) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The weekdays of {@code year} on which the Fed is closed for a holiday, with Sunday holidays
     * already moved to their observed Monday and Saturday holidays left out, in date order.
     */
    public Set<LocalDate> closingsIn(int year) {
        Set<LocalDate> closings = new TreeSet<>();
        addFixed(closings, year, MonthDay.of(Month.JANUARY, 1));
        closings.add(nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY));
        closings.add(nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY));
        closings.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        if (year >= FIRST_JUNETEENTH) {
            addFixed(closings, year, MonthDay.of(Month.JUNE, 19));
        }
        addFixed(closings, year, MonthDay.of(Month.JULY, 4));
        closings.add(nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY));
        closings.add(nthWeekday(year, Month.OCTOBER, 2, DayOfWeek.MONDAY));
        addFixed(closings, year, MonthDay.of(Month.NOVEMBER, 11));
        closings.add(nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY));
        addFixed(closings, year, MonthDay.of(Month.DECEMBER, 25));
        return Collections.unmodifiableSet(closings);
    }

    private static void addFixed(Set<LocalDate> closings, int year, MonthDay holiday) {
        LocalDate date = holiday.atYear(year);
        switch (date.getDayOfWeek()) {
            case SUNDAY -> closings.add(date.plusDays(1));
            case SATURDAY -> {
                // Fed rule: not observed on the Friday before; that Friday stays a business day.
            }
            default -> closings.add(date);
        }
    }

    private static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek weekday) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }
}
