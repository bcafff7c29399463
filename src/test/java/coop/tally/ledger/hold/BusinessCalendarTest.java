package coop.tally.ledger.hold;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessCalendarTest {

    private final BusinessCalendar calendar = new BusinessCalendar();

    @Test
    void federal_reserve_closings_of_2025() {
        // every holiday of 2025 falls on a weekday
        assertEquals(dates("2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04",
                "2025-09-01", "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25"), List.copyOf(calendar.closingsIn(2025)));
    }

    @Test
    void federal_reserve_closings_of_2026_skip_a_saturday_holiday() {
        // 4 July 2026 is a Saturday: not observed, the Fed is open Friday 3 July
        assertEquals(dates("2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19",
                "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"), List.copyOf(calendar.closingsIn(2026)));
        assertTrue(calendar.isBusinessDay(LocalDate.parse("2026-07-03")));
    }

    @Test
    void federal_reserve_closings_of_2023_move_a_sunday_holiday_to_monday() {
        // 1 Jan 2023 is a Sunday → observed Monday 2 Jan; 11 Nov 2023 is a Saturday → not observed
        assertEquals(dates("2023-01-02", "2023-01-16", "2023-02-20", "2023-05-29", "2023-06-19", "2023-07-04",
                "2023-09-04", "2023-10-09", "2023-11-23", "2023-12-25"), List.copyOf(calendar.closingsIn(2023)));
    }

    @ParameterizedTest
    @CsvSource({
            "2022-12-26, false",  // Christmas 2022 on Sunday, observed Monday
            "2021-07-05, false",  // Independence Day 2021 on Sunday, observed Monday
            "2022-06-20, false",  // Juneteenth 2022 on Sunday, observed Monday
            "2021-12-31, true",   // New Year 2022 on Saturday: the Friday before stays open
            "2023-11-10, true",   // Veterans Day 2023 on Saturday: the Friday before stays open
            "2020-06-19, true",   // before Juneteenth became a federal holiday
            "2021-06-18, true",   // Juneteenth 2021 fell on a Saturday: not moved
            "2025-11-28, true",   // the day after Thanksgiving is a business day
            "2025-03-15, false",  // Saturday
            "2025-03-16, false",  // Sunday
            "2025-03-17, true"
    })
    void business_days(LocalDate date, boolean business) {
        assertEquals(business, calendar.isBusinessDay(date), date::toString);
    }

    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource({
            "2025-03-12, 2, 2025-03-14",  // Wednesday → Friday
            "2025-03-14, 2, 2025-03-18",  // Friday → Tuesday, over the weekend
            "2025-03-14, 7, 2025-03-25",
            "2025-01-17, 2, 2025-01-22",  // Friday before MLK Day → Wednesday
            "2025-08-29, 2, 2025-09-03",  // Friday before Labor Day → Wednesday
            "2025-11-26, 2, 2025-12-01",  // Wednesday before Thanksgiving → Friday 28 is 1, Monday 1 Dec is 2
            "2025-12-24, 2, 2025-12-29",  // Christmas Eve → Friday 26 is 1, Monday 29 is 2
            "2025-12-24, 7, 2026-01-06",  // ... and over New Year's Day
            "2022-12-23, 2, 2022-12-28",  // Christmas 2022 observed Monday 26
            "2025-03-12, 0, 2025-03-12",
            "2025-03-15, 1, 2025-03-17"   // from a Saturday, the next business day is Monday
    })
    void adds_business_days(LocalDate from, int days, LocalDate expected) {
        assertEquals(expected, calendar.plusBusinessDays(from, days));
    }

    @ParameterizedTest
    @ValueSource(ints = {1990, 2000, 2024, 2030, 2100})
    void closings_are_weekdays_that_are_not_business_days(int year) {
        // at most 11 holidays; fewer when fixed-date ones fall on a Saturday (2000 has 8: 1 Jan, 11 Nov)
        int count = calendar.closingsIn(year).size();
        assertTrue(count >= 6 && count <= 11, () -> year + ": " + count);
        for (LocalDate closing : calendar.closingsIn(year)) {
            assertTrue(closing.getDayOfWeek().getValue() <= 5, closing::toString);
            assertFalse(calendar.isBusinessDay(closing), closing::toString);
        }
    }

    @Test
    void year_2000_lost_two_holidays_to_saturdays() {
        assertEquals(8, calendar.closingsIn(2000).size());
        assertTrue(calendar.isBusinessDay(LocalDate.parse("1999-12-31")));
    }

    @Test
    void refuses_negative_business_days() {
        assertThrows(IllegalArgumentException.class, () -> calendar.plusBusinessDays(LocalDate.parse("2025-03-12"), -1));
    }

    private static List<LocalDate> dates(String... isoDates) {
        return java.util.Arrays.stream(isoDates).map(LocalDate::parse).collect(Collectors.toList());
    }
}
