package coop.tally.caller;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 appendix B, the SHA-1 rows. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void rfc6238_appendix_b_sha1_vectors(long time, String expected) {
        long step = Totp.stepAt(Instant.ofEpochSecond(time));
        assertEquals(expected, Totp.code(RFC_SECRET, step, 8));
        // six digits are the same truncation modulo 10^6: the low six digits
        assertEquals(expected.substring(2), Totp.code(RFC_SECRET, step, 6));
        assertEquals(expected.substring(2), Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(time)));
    }

    @Test
    void a_code_is_accepted_one_step_either_side_and_not_beyond() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.stepAt(now);
        for (int offset = -1; offset <= 1; offset++) {
            String code = Totp.code(RFC_SECRET, step + offset, 6);
            assertEquals(OptionalLong.of(step + offset), Totp.accept(RFC_SECRET, code, now, Long.MIN_VALUE));
        }
        assertTrue(Totp.accept(RFC_SECRET, Totp.code(RFC_SECRET, step - 2, 6), now, Long.MIN_VALUE).isEmpty());
        assertTrue(Totp.accept(RFC_SECRET, Totp.code(RFC_SECRET, step + 2, 6), now, Long.MIN_VALUE).isEmpty());
    }

    @Test
    void a_code_cannot_be_used_twice_in_its_window() {
        Instant now = Instant.ofEpochSecond(1234567890);
        String code = Totp.codeAt(RFC_SECRET, now);
        OptionalLong used = Totp.accept(RFC_SECRET, code, now, Long.MIN_VALUE);
        assertTrue(used.isPresent());
        assertTrue(Totp.accept(RFC_SECRET, code, now, used.getAsLong()).isEmpty(), "replayed at once");
        assertTrue(Totp.accept(RFC_SECRET, code, now.plusSeconds(29), used.getAsLong()).isEmpty(), "replayed later in the window");
        // nor can an older code of the window be used after a newer one
        String previous = Totp.code(RFC_SECRET, Totp.stepAt(now) - 1, 6);
        assertTrue(Totp.accept(RFC_SECRET, previous, now, used.getAsLong()).isEmpty());
    }

    @Test
    void malformed_codes_are_refused() {
        Instant now = Instant.ofEpochSecond(59);
        for (String bad : new String[] {null, "", "28708", "2870822", "28708a", " 287082", "287082 ", "２８７０８２"}) {
            assertFalse(Totp.accept(RFC_SECRET, bad, now, Long.MIN_VALUE).isPresent(), String.valueOf(bad));
        }
        assertTrue(Totp.accept(RFC_SECRET, "287082", now, Long.MIN_VALUE).isPresent());
    }
}
