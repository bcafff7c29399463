package coop.tally.caller;

import coop.tally.ledger.EntryType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static coop.tally.caller.VerificationLevel.BASIC;
import static coop.tally.caller.VerificationLevel.NONE;
import static coop.tally.caller.VerificationLevel.STRONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationRulesTest {

    @Test
    void levels_from_factors() {
        assertEquals(NONE, VerificationLevel.of(false, false, false));
        assertEquals(NONE, VerificationLevel.of(false, false, true), "a passcode alone proves only a phone");
        assertEquals(BASIC, VerificationLevel.of(true, false, false));
        assertEquals(BASIC, VerificationLevel.of(false, true, false));
        assertEquals(BASIC, VerificationLevel.of(true, true, false));
        assertEquals(STRONG, VerificationLevel.of(true, false, true));
        assertEquals(STRONG, VerificationLevel.of(false, true, true));
        assertTrue(STRONG.satisfies(BASIC));
        assertTrue(BASIC.satisfies(BASIC));
        assertFalse(BASIC.satisfies(STRONG));
        assertFalse(NONE.satisfies(BASIC));
    }

    @Test
    void actions_need_the_levels_of_the_design() {
        for (MemberAction basic : List.of(MemberAction.INQUIRY, MemberAction.DEPOSIT, MemberAction.OWN_ACCOUNT_TRANSFER,
                MemberAction.OWN_LOAN_PAYMENT)) {
            assertEquals(BASIC, basic.required(), basic.name());
        }
        for (MemberAction strong : List.of(MemberAction.WITHDRAWAL, MemberAction.TRANSFER_TO_OTHER_MEMBER,
                MemberAction.OFFICIAL_CHECK, MemberAction.CONTACT_DATA_CHANGE, MemberAction.PIN_CHANGE,
                MemberAction.LOAN_PAYMENT_FOR_OTHER_MEMBER)) {
            assertEquals(STRONG, strong.required(), strong.name());
        }
    }

    @Test
    void postings_map_to_actions_for_the_call_member() {
        String me = "100001";
        String other = "100009";
        assertEquals(Optional.of(MemberAction.DEPOSIT), new PostingAccess(EntryType.DEPOSIT, null, me, null).actionFor(me));
        assertEquals(Optional.empty(), new PostingAccess(EntryType.DEPOSIT, null, other, null).actionFor(me));
        assertEquals(Optional.of(MemberAction.WITHDRAWAL), new PostingAccess(EntryType.WITHDRAWAL, me, null, null).actionFor(me));
        assertEquals(Optional.empty(), new PostingAccess(EntryType.WITHDRAWAL, other, null, null).actionFor(me));
        assertEquals(Optional.of(MemberAction.OWN_ACCOUNT_TRANSFER), new PostingAccess(EntryType.TRANSFER, me, me, null).actionFor(me));
        assertEquals(Optional.of(MemberAction.TRANSFER_TO_OTHER_MEMBER), new PostingAccess(EntryType.TRANSFER, me, other, null).actionFor(me));
        assertEquals(Optional.empty(), new PostingAccess(EntryType.TRANSFER, other, me, null).actionFor(me), "pulling from another member");
        assertEquals(Optional.of(MemberAction.OWN_LOAN_PAYMENT), new PostingAccess(EntryType.LOAN_PAYMENT, me, null, me).actionFor(me));
        assertEquals(Optional.of(MemberAction.OWN_LOAN_PAYMENT), new PostingAccess(EntryType.LOAN_PAYMENT, null, null, me).actionFor(me));
        assertEquals(Optional.of(MemberAction.LOAN_PAYMENT_FOR_OTHER_MEMBER), new PostingAccess(EntryType.LOAN_PAYMENT, me, null, other).actionFor(me));
        assertEquals(Optional.empty(), new PostingAccess(EntryType.LOAN_PAYMENT, null, null, other).actionFor(me));
        assertEquals(Optional.of(MemberAction.OFFICIAL_CHECK), new PostingAccess(EntryType.OFFICIAL_CHECK, me, null, null).actionFor(me));
        assertEquals(Optional.empty(), new PostingAccess(EntryType.REVERSAL, me, null, null).actionFor(me));
    }

    @Test
    void an_answer_that_is_not_an_answer_is_told_apart_from_a_wrong_one() {
        assertTrue(KnowledgeQuestion.DATE_OF_BIRTH.isAnswer(" 1978-04-12 "));
        assertTrue(KnowledgeQuestion.DATE_OF_BIRTH.isAnswer("1900-01-01"), "wrong, but an answer");
        for (String notADate : new String[] {"", "not a date", "12/04/1978", "1978-02-30", "19780412", "1978-4-12"}) {
            assertFalse(KnowledgeQuestion.DATE_OF_BIRTH.isAnswer(notADate), notADate);
        }
        assertTrue(KnowledgeQuestion.SSN_LAST4.isAnswer("0000"));
        for (String notFourDigits : new String[] {"", "123", "12345", "12a4", "one two", "１２３４"}) {
            assertFalse(KnowledgeQuestion.SSN_LAST4.isAnswer(notFourDigits), notFourDigits);
        }
        for (String zip : new String[] {"60657", "60657-1234", "606571234", " 00000 "}) {
            assertTrue(KnowledgeQuestion.ZIP.isAnswer(zip), zip);
        }
        for (String notAZip : new String[] {"", "6065", "606577", "six0six", "60657-12", "SW1A 1AA"}) {
            assertFalse(KnowledgeQuestion.ZIP.isAnswer(notAZip), notAZip);
        }
        for (String amount : new String[] {"125.00", "$1,250.00", "12", "0.5"}) {
            assertTrue(KnowledgeQuestion.RECENT_AMOUNT.isAnswer(amount), amount);
        }
        for (String notAnAmount : new String[] {"", "a hundred dollars", "12.345", "-5.00", "1e3"}) {
            assertFalse(KnowledgeQuestion.RECENT_AMOUNT.isAnswer(notAnAmount), notAnAmount);
        }
        assertEquals(Optional.of(KnowledgeQuestion.SSN_LAST4), KnowledgeCheck.notAnAnswer(
                Map.of(KnowledgeQuestion.SSN_LAST4, "12345", KnowledgeQuestion.ZIP, "60657")));
        assertEquals(Optional.empty(), KnowledgeCheck.notAnAnswer(
                Map.of(KnowledgeQuestion.SSN_LAST4, "9999", KnowledgeQuestion.ZIP, "00000")));
    }

    @Test
    void knowledge_needs_two_different_right_answers() {
        Map<KnowledgeQuestion, List<String>> file = Map.of(KnowledgeQuestion.DATE_OF_BIRTH, List.of("1978-04-12"),
                KnowledgeQuestion.SSN_LAST4, List.of("1234"), KnowledgeQuestion.ZIP, List.of("60657"),
                KnowledgeQuestion.RECENT_AMOUNT, List.of("75.00", "1250.00"));
        assertTrue(KnowledgeCheck.passes(Map.of(KnowledgeQuestion.DATE_OF_BIRTH, "1978-04-12", KnowledgeQuestion.ZIP, "60657-1234"), file));
        assertTrue(KnowledgeCheck.passes(Map.of(KnowledgeQuestion.SSN_LAST4, " 1234 ", KnowledgeQuestion.ZIP, "60657"), file));
        assertFalse(KnowledgeCheck.passes(Map.of(KnowledgeQuestion.DATE_OF_BIRTH, "1978-04-13", KnowledgeQuestion.ZIP, "60657"), file));
        assertFalse(KnowledgeCheck.passes(Map.of(KnowledgeQuestion.SSN_LAST4, "1234", KnowledgeQuestion.ZIP, ""), file));
        assertFalse(KnowledgeCheck.passes(Map.of(KnowledgeQuestion.SSN_LAST4, "1234", KnowledgeQuestion.ZIP, "60657"),
                Map.of(KnowledgeQuestion.SSN_LAST4, List.of("1234"))), "nothing on file is never right");
        // any one of the recent amounts, written as people say them
        for (String amount : List.of("1250.00", "$1,250.00", "1250", "75", "75.0")) {
            assertTrue(KnowledgeCheck.passes(Map.of(KnowledgeQuestion.RECENT_AMOUNT, amount, KnowledgeQuestion.ZIP, "60657"), file), amount);
        }
        for (String amount : List.of("1250.01", "", "75.000", "1e3", "-75.00", "seventy-five")) {
            assertFalse(KnowledgeCheck.passes(Map.of(KnowledgeQuestion.RECENT_AMOUNT, amount, KnowledgeQuestion.ZIP, "60657"), file), amount);
        }
        assertFalse(KnowledgeCheck.passes(Map.of(KnowledgeQuestion.RECENT_AMOUNT, "", KnowledgeQuestion.ZIP, "60657"),
                Map.of(KnowledgeQuestion.RECENT_AMOUNT, List.of(), KnowledgeQuestion.ZIP, List.of("60657"))), "no recent transactions");
        assertThrows(KnowledgeCheck.WrongQuestionCount.class,
                () -> KnowledgeCheck.passes(Map.of(KnowledgeQuestion.SSN_LAST4, "1234"), file));
        assertThrows(KnowledgeCheck.WrongQuestionCount.class, () -> KnowledgeCheck.passes(Map.of(
                KnowledgeQuestion.SSN_LAST4, "1234", KnowledgeQuestion.ZIP, "60657", KnowledgeQuestion.DATE_OF_BIRTH, "1978-04-12"), file));
    }

    @Test
    void the_third_failure_within_24_hours_locks() {
        Instant now = Instant.parse("2026-03-02T15:00:00Z");
        Instant hour = now.minus(Duration.ofHours(1));
        assertFalse(LockoutRule.locks(List.of(hour, now), now, null));
        assertTrue(LockoutRule.locks(List.of(now.minus(Duration.ofHours(23)), hour, now), now, null));
        assertFalse(LockoutRule.locks(List.of(now.minus(Duration.ofHours(25)), hour, now), now, null), "outside the window");
        assertFalse(LockoutRule.locks(List.of(now.minus(Duration.ofHours(3)), hour, now), now, now.minus(Duration.ofHours(2))),
                "failures before an unlock do not count again");
    }

    @Test
    void red_flags() {
        assertEquals(List.of(), RedFlag.evaluate(true, false, 2, false));
        assertEquals(List.of(RedFlag.ANI_NOT_ON_FILE, RedFlag.CONTACT_CHANGED_RECENTLY, RedFlag.REPEATED_CALLS, RedFlag.RECENT_LOCKOUT),
                RedFlag.evaluate(false, true, 3, true));
    }

    @Test
    void constant_time_comparison_is_plain_equality() {
        assertTrue(ConstantTime.equals("60657", "60657"));
        assertFalse(ConstantTime.equals("60657", "6065"));
        assertFalse(ConstantTime.equals("", "x"));
        assertFalse(ConstantTime.equals(null, "x"));
        assertFalse(ConstantTime.equals("x", null));
    }

    @Test
    void idle_timeout() {
        IdleTimeout timeout = new IdleTimeout(IdleTimeout.DEFAULT);
        Instant last = Instant.parse("2026-03-02T15:00:00Z");
        assertFalse(timeout.expired(last, last.plus(Duration.ofMinutes(15))));
        assertTrue(timeout.expired(last, last.plus(Duration.ofMinutes(15)).plusMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> new IdleTimeout(Duration.ZERO));
    }
}
