package coop.tally.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntryDatesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);
    private static final Instant MONDAY_OPENED = Instant.parse("2026-03-02T13:00:00Z");
    private static final Instant TUESDAY_OPENED = Instant.parse("2026-03-03T13:00:00Z");
    private static final long APPROVED = 41;

    private final EntryDates dates = new EntryDates(Map.of(MONDAY_OPENED, MONDAY, TUESDAY_OPENED, TUESDAY), Set.of(APPROVED));

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    @Test
    void anEntryOfTheOpenDayIsNotBackdated() {
        assertFalse(dates.backdatedWithoutApproval(TUESDAY, micros(TUESDAY_OPENED.plusSeconds(3600)), null));
        assertFalse(dates.backdatedWithoutApproval(MONDAY, micros(MONDAY_OPENED.plusSeconds(3600)), null));
    }

    @Test
    void anEntryOfAPastDayPostedLaterIsBackdatedUnlessApproved() {
        long posted = micros(TUESDAY_OPENED.plusSeconds(3600));
        assertTrue(dates.backdatedWithoutApproval(MONDAY, posted, null));
        assertTrue(dates.backdatedWithoutApproval(MONDAY, posted, 7L), "an approval, but not of the business date");
        assertFalse(dates.backdatedWithoutApproval(MONDAY, posted, APPROVED));
        assertEquals(TUESDAY, dates.openAt(posted));
    }

    @Test
    void anEntryPostedJustAfterTheDayChangedMayCarryTheDayBefore() {
        assertFalse(dates.backdatedWithoutApproval(MONDAY, micros(TUESDAY_OPENED.plusSeconds(2)), null));
        assertTrue(dates.backdatedWithoutApproval(MONDAY,
                micros(TUESDAY_OPENED.plus(EntryDates.GRACE).plusSeconds(1)), null));
    }

    @Test
    void beforeTheFirstDayNothingIsBackdated() {
        assertFalse(dates.backdatedWithoutApproval(LocalDate.of(2020, 1, 2), micros(MONDAY_OPENED.minusSeconds(3600)), null));
        assertNull(dates.openAt(micros(MONDAY_OPENED.minusSeconds(3600))));
    }
}
