package coop.tally.member;

import coop.tally.crypto.FieldCipher;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberTest {

    private final FieldCipher cipher = new FieldCipher(new byte[32]);

    private Member eleanor() {
        return new Member("100001", " Eleanor ", "Whitfield", LocalDate.of(1978, 4, 12), "900-41-1234", cipher,
                "eleanor.whitfield@example.com", LocalDate.of(2009, 6, 1));
    }

    @Test
    void the_ssn_is_kept_encrypted_and_shown_masked() {
        Member member = eleanor();
        assertEquals("1234", member.ssnLastFour());
        assertEquals("***-**-1234", member.maskedSsn());
        assertTrue(member.hasSsn("900411234", cipher));
        assertFalse(member.hasSsn("900-41-1235", cipher));
    }

    @Test
    void to_string_names_the_member_number_only() {
        String text = eleanor().toString();
        assertEquals("Member[100001]", text);
    }

    @Test
    void names_are_trimmed_and_their_search_keys_follow_a_rename() {
        Member member = eleanor();
        assertEquals("Eleanor Whitfield", member.fullName());
        member.rename("Nora", "De La Cruz");
        assertEquals("Nora De La Cruz", member.fullName());
    }

    @Test
    void phones_are_stored_normalized() {
        Member member = eleanor();
        MemberPhone phone = member.addPhone("(312) 555-0101", PhoneKind.MOBILE, true);
        assertEquals("+13125550101", phone.number());
        assertEquals(1, member.phones().size());
        assertThrows(IllegalArgumentException.class, () -> member.addPhone("555-0101", PhoneKind.HOME, false));
        assertThrows(UnsupportedOperationException.class, () -> member.phones().clear());
    }

    @Test
    void addresses_are_checked() {
        Member member = eleanor();
        MemberAddress address = member.addAddress("1234 W Belmont Ave", " ", "Chicago", "IL", "60657", true);
        assertEquals(null, address.line2());
        assertThrows(IllegalArgumentException.class, () -> member.addAddress("1 Main St", null, "Chicago", "Illinois", "60657", true));
        assertThrows(IllegalArgumentException.class, () -> member.addAddress("1 Main St", null, "Chicago", "IL", "6065", true));
    }

    @Test
    void freezing_and_unfreezing() {
        Member member = eleanor();
        assertEquals(MemberStatus.ACTIVE, member.status());
        member.freeze();
        assertEquals(MemberStatus.FROZEN, member.status());
        member.unfreeze();
        assertEquals(MemberStatus.ACTIVE, member.status());
    }

    @Test
    void an_ssn_is_nine_digits() {
        assertThrows(IllegalArgumentException.class, () -> new Member("100009", "A", "B", LocalDate.of(1990, 1, 1),
                "1234", cipher, null, LocalDate.of(2020, 1, 1)));
    }

    @Test
    void ssn_mask() {
        assertEquals("***-**-6789", SsnMask.ofLastFour("6789"));
        assertEquals("6789", SsnMask.lastFourOf("123-45-6789"));
        assertEquals("6789", SsnMask.lastFourOf("123456789"));
        assertThrows(IllegalArgumentException.class, () -> SsnMask.ofLastFour("12345"));
        assertThrows(IllegalArgumentException.class, () -> SsnMask.lastFourOf("123-45-678"));
    }
}
