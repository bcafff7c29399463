package coop.tally.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestTextFilterTest {

    @Test
    void percent_encoded_utf8_text_passes() {
        assertTrue(RequestTextFilter.decodes("/tally/api/accounts/100001-S00/history"));
        assertTrue(RequestTextFilter.decodes("q=Zo%C3%AB+%C3%85ngstr%C3%B6m&page=0"));
        assertTrue(RequestTextFilter.decodes("q=%F0%9F%92%B8"));
        assertTrue(RequestTextFilter.decodes("q=a%09b"), "a tab");
    }

    @Test
    void bytes_that_are_not_utf8_or_spell_control_characters_do_not() {
        assertFalse(RequestTextFilter.decodes("q=%FF"));
        assertFalse(RequestTextFilter.decodes("q=%C3"), "a truncated sequence");
        assertFalse(RequestTextFilter.decodes("q=%ED%A0%80"), "an encoded surrogate");
        assertFalse(RequestTextFilter.decodes("q=%C0%AF"), "an overlong '/'");
        assertFalse(RequestTextFilter.decodes("q=a%00b"), "NUL");
        assertFalse(RequestTextFilter.decodes("q=%1B%5B31m"), "ESC");
        assertFalse(RequestTextFilter.decodes("/api/members/%C2%85"), "a C1 control");
        assertFalse(RequestTextFilter.decodes("q=%"), "a bare percent");
        assertFalse(RequestTextFilter.decodes("q=%4"), "a short escape");
        assertFalse(RequestTextFilter.decodes("q=%G1"), "not hex");
        assertFalse(RequestTextFilter.decodes("q=é"), "raw non-ASCII");
    }
}
