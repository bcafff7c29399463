package coop.tally.enrolment;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape of enrolment data: SSNs as issued, dates of birth of the living, names, e-mail, state and ZIP. */
class EnrolmentRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Test
    void ssnsAreNineDigitsOfAnIssuableNumber() {
        assertTrue(EnrolmentRules.ssn("123-45-6789").isEmpty());
        assertTrue(EnrolmentRules.ssn("123456789").isEmpty());
        assertTrue(EnrolmentRules.ssn("899-99-9999").isEmpty());
        for (String never : new String[] {"000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000",
                "12-345-6789", "123-45-678", "1234567890", "123 45 6789", "abc-de-fghi", "１２３-45-6789"}) {
            assertEquals("SSN_INVALID", EnrolmentRules.ssn(never).map(EnrolmentRules.Fault::code).orElse("accepted"), never);
        }
    }

    @Test
    void aDateOfBirthIsNotInTheFutureNorBeforeAnyoneLiving() {
        assertTrue(EnrolmentRules.dateOfBirth(TODAY, TODAY).isEmpty(), "a newborn may be a member (custodial)");
        assertTrue(EnrolmentRules.dateOfBirth(TODAY.minusYears(EnrolmentRules.MAX_AGE), TODAY).isEmpty());
        assertEquals(Optional.of("DATE_OF_BIRTH_INVALID"), EnrolmentRules.dateOfBirth(TODAY.plusDays(1), TODAY).map(EnrolmentRules.Fault::code));
        assertEquals(Optional.of("DATE_OF_BIRTH_INVALID"),
                EnrolmentRules.dateOfBirth(TODAY.minusYears(EnrolmentRules.MAX_AGE).minusDays(1), TODAY).map(EnrolmentRules.Fault::code));
    }

    @Test
    void namesAreLettersWithTheMarksNamesAreWrittenWith() {
        for (String good : new String[] {"Ann", "O'Brien", "Mary-Jo", "St. John", "José", "Łukasz", "Nguyễn", "D\u2019Arcy"}) {
            assertTrue(EnrolmentRules.name(good).isEmpty(), good);
        }
        for (String bad : new String[] {"", " Ann", "Ann ", "Ann1", "-Ann", "Ann\u0000", "Ann\tLee", "<b>", "A".repeat(61)}) {
            assertEquals(Optional.of("NAME_INVALID"), EnrolmentRules.name(bad).map(EnrolmentRules.Fault::code), bad);
        }
    }

    @Test
    void contactFields() {
        assertTrue(EnrolmentRules.email("ann.lee@example.org").isEmpty());
        assertEquals(Optional.of("EMAIL_INVALID"), EnrolmentRules.email("ann@").map(EnrolmentRules.Fault::code));
        assertEquals(Optional.of("EMAIL_INVALID"), EnrolmentRules.email("ann@example").map(EnrolmentRules.Fault::code));
        assertTrue(EnrolmentRules.state("IL").isEmpty());
        assertEquals(Optional.of("STATE_INVALID"), EnrolmentRules.state("il").map(EnrolmentRules.Fault::code));
        assertTrue(EnrolmentRules.zip("62701-1234").isEmpty());
        assertEquals(Optional.of("ZIP_INVALID"), EnrolmentRules.zip("6270").map(EnrolmentRules.Fault::code));
    }
}
