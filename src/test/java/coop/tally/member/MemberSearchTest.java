package coop.tally.member;

import coop.tally.platform.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MemberSearchTest {

    @Test
    void digits_are_a_member_number() {
        assertEquals(new MemberSearch(MemberSearch.Kind.MEMBER_NUMBER, "100001"), MemberSearch.parse(" 100001 "));
    }

    @Test
    void an_account_number_finds_its_owner() {
        assertEquals(new MemberSearch(MemberSearch.Kind.ACCOUNT_NUMBER, "100001-S00"), MemberSearch.parse("100001-s00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(312) 555-0101", "312-555-0101", "312.555.0101", "+1 312 555 0101", "13125550101", "3125550101"})
    void ten_digits_in_any_format_are_a_phone(String written) {
        assertEquals(new MemberSearch(MemberSearch.Kind.PHONE, "+13125550101"), MemberSearch.parse(written));
    }

    @Test
    void names_become_lower_case_keys() {
        assertEquals(new MemberSearch(MemberSearch.Kind.NAME, "o'brien"), MemberSearch.parse("O'Brien"));
        assertEquals(new MemberSearch(MemberSearch.Kind.NAME, "eleanor whit"), MemberSearch.parse("Eleanor   Whit"));
        assertEquals(new MemberSearch(MemberSearch.Kind.NAME, "josé"), MemberSearch.parse("José"));
    }

    @Test
    void bad_queries_are_400_problems_that_say_why() {
        assertEquals("SEARCH_QUERY_MISSING", code(null));
        assertEquals("SEARCH_QUERY_MISSING", code("   "));
        assertEquals("SEARCH_QUERY_TOO_LONG", code("a".repeat(101)));
        assertEquals("SEARCH_QUERY_INVALID", code("555-0101"));
        assertEquals("SEARCH_QUERY_INVALID", code("smith%"));
        assertEquals("SEARCH_QUERY_INVALID", code("_"));
        assertEquals(MemberSearch.Kind.NAME, MemberSearch.parse("a".repeat(100)).kind());
    }

    @Test
    void phone_numbers_normalize_to_e164() {
        assertEquals(Optional.of("+17735550102"), PhoneNumbers.normalize("773 555 0102"));
        assertEquals(Optional.empty(), PhoneNumbers.normalize("555 0102"));
        assertEquals(Optional.empty(), PhoneNumbers.normalize("0735550102"));
        assertEquals(Optional.empty(), PhoneNumbers.normalize("773x5550102"));
        assertEquals(Optional.empty(), PhoneNumbers.normalize(null));
    }

    private static String code(String query) {
        Refusal problem = assertThrows(Refusal.class, () -> MemberSearch.parse(query));
        assertEquals(Refusal.Kind.INVALID, problem.kind());
        return problem.code();
    }
}
