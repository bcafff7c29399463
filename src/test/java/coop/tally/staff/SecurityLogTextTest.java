package coop.tally.staff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class SecurityLogTextTest {

    @Test
    void wellFormedTextIsKeptAsItIs() {
        String text = "rep1 \uD83D\uDE00 caf\u00e9";
        assertSame(text, SecurityLog.wellFormed(text));
        assertNull(SecurityLog.wellFormed(null));
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() {
        assertEquals("x\uFFFDy", SecurityLog.wellFormed("x\uD800y"));
        assertEquals("x\uFFFDy", SecurityLog.wellFormed("x\uDC00y"));
        assertEquals("\uFFFD", SecurityLog.wellFormed("\uD800"));
        assertEquals("\uFFFD\uD83D\uDE00", SecurityLog.wellFormed("\uD83D\uD83D\uDE00"));
        assertEquals("\uD83D\uDE00\uFFFD", SecurityLog.wellFormed("\uD83D\uDE00\uDE00"));
    }
}
