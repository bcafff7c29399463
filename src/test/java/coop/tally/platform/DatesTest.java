package coop.tally.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every date a request names is read one way, and a bad one is refused with the field it came in. */
class DatesTest {

    @Test
    void an_iso_date_and_month_are_read() {
        assertEquals(LocalDate.of(2025, 3, 14), Dates.parse("businessDate", "2025-03-14"));
        assertEquals(YearMonth.of(2026, 1), Dates.parseMonth("month", "2026-01"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "yesterday", "2025-02-30", "2025-3-14", "14/03/2025", "2025-03-14T00:00"})
    void a_bad_date_is_invalid_and_names_the_field(String text) {
        Refusal refusal = assertThrows(Refusal.class, () -> Dates.parse("expires", text));
        assertEquals(Refusal.Kind.INVALID, refusal.kind());
        assertEquals("FIELD_INVALID", refusal.code());
        assertEquals("expires", refusal.details().get("field"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"2026-7", "2026-13", "+12026-01", "2026-01-01", "January"})
    void a_bad_month_is_invalid_and_names_the_field(String text) {
        Refusal refusal = assertThrows(Refusal.class, () -> Dates.parseMonth("month", text));
        assertEquals("FIELD_INVALID", refusal.code());
        assertEquals("month", refusal.details().get("field"));
    }
}
