package coop.tally.referral;

import coop.tally.platform.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 31);

    @Test
    void declined_follow_up_needs_a_date_and_plain_declined_takes_none() {
        assertEquals("FOLLOW_UP_REQUIRED", assertThrows(Refusal.class, () -> ReferralRules.checkFollowUp(
                ReferralDisposition.DECLINED_FOLLOW_UP, Optional.empty(), TODAY)).code());
        assertEquals("FOLLOW_UP_NOT_ALLOWED", assertThrows(Refusal.class, () -> ReferralRules.checkFollowUp(
                ReferralDisposition.DECLINED, Optional.of(TODAY), TODAY)).code());
        assertDoesNotThrow(() -> ReferralRules.checkFollowUp(ReferralDisposition.DECLINED, Optional.empty(), TODAY));
        assertDoesNotThrow(() -> ReferralRules.checkFollowUp(ReferralDisposition.REFERRED, Optional.empty(), TODAY));
        assertDoesNotThrow(() -> ReferralRules.checkFollowUp(ReferralDisposition.DECLINED_INTERESTED, Optional.of(TODAY), TODAY));
    }

    @Test
    void a_follow_up_date_is_from_today_until_the_referral_expires() {
        assertDoesNotThrow(() -> ReferralRules.checkFollowUp(ReferralDisposition.DECLINED_FOLLOW_UP, Optional.of(TODAY), TODAY));
        assertDoesNotThrow(() -> ReferralRules.checkFollowUp(ReferralDisposition.DECLINED_FOLLOW_UP,
                Optional.of(TODAY.plusDays(90)), TODAY));
        assertEquals("FOLLOW_UP_DATE_INVALID", assertThrows(Refusal.class, () -> ReferralRules.checkFollowUp(
                ReferralDisposition.DECLINED_FOLLOW_UP, Optional.of(TODAY.minusDays(1)), TODAY)).code());
        assertEquals("FOLLOW_UP_DATE_INVALID", assertThrows(Refusal.class, () -> ReferralRules.checkFollowUp(
                ReferralDisposition.DECLINED_FOLLOW_UP, Optional.of(TODAY.plusDays(91)), TODAY)).code());
    }

    @Test
    void the_same_member_and_product_within_thirty_days_is_a_duplicate() {
        Instant now = Instant.parse("2026-03-01T15:00:00Z");
        var justInside = new ReferralRules.Earlier(1, "rep1", Instant.parse("2026-01-30T15:00:01Z")); // 29d 23:59:59 ago
        var justOutside = new ReferralRules.Earlier(2, "rep2", Instant.parse("2026-01-30T15:00:00Z")); // exactly 30 days ago
        assertEquals(Optional.of(justInside), ReferralRules.duplicateOf(List.of(justOutside, justInside), now));
        assertEquals(Optional.empty(), ReferralRules.duplicateOf(List.of(justOutside), now));
        assertEquals(Optional.empty(), ReferralRules.duplicateOf(List.of(), now));
    }

    @Test
    void a_referral_expires_ninety_days_after_it_was_logged() {
        Instant logged = Instant.parse("2026-01-01T15:00:00Z");
        assertEquals(Instant.parse("2026-04-01T15:00:00Z"), ReferralRules.expiresAt(logged));
        assertFalse(ReferralRules.isExpiredAt(logged, Instant.parse("2026-04-01T14:59:59Z")));
        assertTrue(ReferralRules.isExpiredAt(logged, Instant.parse("2026-04-01T15:00:00Z")));
    }

    @Test
    void a_referral_without_an_ending_event_is_open() {
        assertEquals(ReferralStatus.OPEN, ReferralRules.status(Optional.empty()));
    }
}
