package coop.tally.scorecard;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportingPeriodTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void a_month_runs_from_local_midnight_to_local_midnight() {
        ReportingPeriod january = new ReportingPeriod(YearMonth.of(2026, 1), CHICAGO);
        // CST is UTC-6 in January and February
        assertEquals(Instant.parse("2026-01-01T06:00:00Z"), january.monthStart());
        assertEquals(Instant.parse("2026-02-01T06:00:00Z"), january.monthEnd());
    }

    @Test
    void the_last_minutes_of_a_local_month_are_already_the_next_month_in_utc_but_count_for_the_local_month() {
        Instant lateOn31st = Instant.parse("2026-02-01T05:45:00Z"); // 23:45 on 31 January in Chicago
        ReportingPeriod january = new ReportingPeriod(YearMonth.of(2026, 1), CHICAGO);
        ReportingPeriod february = new ReportingPeriod(YearMonth.of(2026, 2), CHICAGO);
        assertTrue(january.inMonth(lateOn31st));
        assertFalse(february.inMonth(lateOn31st));
        assertEquals(YearMonth.of(2026, 1), ReportingPeriod.containing(lateOn31st, CHICAGO).month());
        assertTrue(february.inMonth(Instant.parse("2026-02-01T06:00:00Z")), "local midnight starts the next month");
        assertFalse(january.inMonth(Instant.parse("2026-02-01T06:00:00Z")));
    }

    @Test
    void quarters_follow_the_calendar_and_the_daylight_saving_offset() {
        ReportingPeriod may = new ReportingPeriod(YearMonth.of(2026, 5), CHICAGO);
        assertEquals(2, may.quarter());
        assertEquals("2026-Q2", may.quarterName());
        // CDT is UTC-5 from March to November
        assertEquals(Instant.parse("2026-04-01T05:00:00Z"), may.quarterStart());
        assertEquals(Instant.parse("2026-07-01T05:00:00Z"), may.quarterEnd());
        assertTrue(may.inQuarter(Instant.parse("2026-04-01T05:00:00Z")), "the first second of the quarter");
        assertFalse(may.inQuarter(Instant.parse("2026-04-01T04:59:59Z")), "the last second of Q1 in Chicago");
        assertEquals(4, new ReportingPeriod(YearMonth.of(2026, 12), CHICAGO).quarter());
        assertEquals(1, new ReportingPeriod(YearMonth.of(2026, 3), CHICAGO).quarter());
    }

    @Test
    void another_zone_gives_other_edges() {
        ReportingPeriod utc = new ReportingPeriod(YearMonth.of(2026, 1), ZoneId.of("UTC"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), utc.monthStart());
        assertFalse(utc.inMonth(Instant.parse("2026-02-01T05:45:00Z")));
    }
}
