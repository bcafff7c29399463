package coop.tally.scorecard;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A calendar month and its quarter in the credit union's time zone, as instants: a rep's month
 * runs from local midnight of the first to local midnight of the first of the next month, so a
 * referral at 23:45 Chicago time on the 31st belongs to that month although it is already the
 * next month in UTC. Intervals are half-open: [start, end).
 */
public record ReportingPeriod(YearMonth month, ZoneId zone) {

    public ReportingPeriod {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(zone, "zone");
    }

    /** The month in which the instant falls, in the zone. */
    public static ReportingPeriod containing(Instant instant, ZoneId zone) {
        return new ReportingPeriod(YearMonth.from(instant.atZone(zone)), zone);
    }

    public Instant monthStart() {
        return startOf(month);
    }

    public Instant monthEnd() {
        return startOf(month.plusMonths(1));
    }

    /** 1 to 4. */
    public int quarter() {
        return (month.getMonthValue() - 1) / 3 + 1;
    }

    public YearMonth firstMonthOfQuarter() {
        return YearMonth.of(month.getYear(), (quarter() - 1) * 3 + 1);
    }

    public Instant quarterStart() {
        return startOf(firstMonthOfQuarter());
    }

    public Instant quarterEnd() {
        return startOf(firstMonthOfQuarter().plusMonths(3));
    }

    public boolean inMonth(Instant instant) {
        return !instant.isBefore(monthStart()) && instant.isBefore(monthEnd());
    }

    public boolean inQuarter(Instant instant) {
        return !instant.isBefore(quarterStart()) && instant.isBefore(quarterEnd());
    }

    /** e.g. "2026-Q1". */
    public String quarterName() {
        return month.getYear() + "-Q" + quarter();
    }

    private Instant startOf(YearMonth of) {
        return of.atDay(1).atStartOfDay(zone).toInstant();
    }
}
