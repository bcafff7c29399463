package coop.tally.caller;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotoIdCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static PhotoId id(LocalDate expires) {
        return new PhotoId(PhotoIdType.DRIVERS_LICENSE, "1234", expires);
    }

    @Test
    void an_unexpired_id_in_the_members_name_is_accepted() {
        assertEquals(PhotoIdCheck.Outcome.ACCEPTED, PhotoIdCheck.inspect(id(TODAY.plusYears(3)), true, TODAY));
    }

    @Test
    void an_id_is_good_through_its_expiry_date() {
        assertEquals(PhotoIdCheck.Outcome.ACCEPTED, PhotoIdCheck.inspect(id(TODAY), true, TODAY));
        assertEquals(PhotoIdCheck.Outcome.EXPIRED, PhotoIdCheck.inspect(id(TODAY.minusDays(1)), true, TODAY));
    }

    @Test
    void an_expired_id_is_refused_even_in_the_members_name() {
        PhotoIdCheck.Outcome outcome = PhotoIdCheck.inspect(id(TODAY.minusYears(2)), true, TODAY);
        assertEquals(PhotoIdCheck.Outcome.EXPIRED, outcome);
        assertFalse(outcome.passed());
    }

    @Test
    void an_id_the_rep_does_not_attest_is_in_the_members_name_is_refused() {
        assertEquals(PhotoIdCheck.Outcome.NAME_MISMATCH, PhotoIdCheck.inspect(id(TODAY.plusYears(1)), false, TODAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "12345", "123456789", "12 4", "abcd", ""})
    void only_the_last_four_characters_are_ever_recorded(String last4) {
        assertFalse(PhotoId.validLastFour(last4));
        assertThrows(IllegalArgumentException.class, () -> new PhotoId(PhotoIdType.PASSPORT, last4, TODAY));
    }

    @Test
    void letters_and_digits_make_a_last_four() {
        assertTrue(PhotoId.validLastFour("X7Q2"));
        assertEquals("PASSPORT ****X7Q2 expires 2030-01-31",
                new PhotoId(PhotoIdType.PASSPORT, "X7Q2", LocalDate.of(2030, 1, 31)).describe());
    }

    @Test
    void a_visit_with_an_accepted_id_is_strong_and_a_call_never_is_by_id() {
        MemberCall visit = new MemberCall(Channel.BRANCH, "", "rep1", java.time.Instant.now());
        visit.identify("100001", false, java.util.List.of());
        assertEquals(VerificationLevel.NONE, visit.level());
        visit.photoIdAccepted(id(TODAY.plusYears(1)));
        assertEquals(VerificationLevel.STRONG, visit.level());

        MemberCall call = new MemberCall("+13125550101", "rep1", java.time.Instant.now());
        call.identify("100001", true, java.util.List.of());
        assertThrows(IllegalStateException.class, () -> call.photoIdAccepted(id(TODAY.plusYears(1))));
        assertEquals(VerificationLevel.NONE, call.level());
    }
}
