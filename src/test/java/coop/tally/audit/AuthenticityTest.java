package coop.tally.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthenticityTest {

    private static Authenticity.SignedSize signed(String reason, long size) {
        return new Authenticity.SignedSize(reason, size, true);
    }

    @Test
    void theLegacyBoundaryIsTheLargestValidlySignedMacKeyCheckpoint() {
        assertEquals(0, Authenticity.legacyBoundary(List.of()));
        assertEquals(0, Authenticity.legacyBoundary(List.of(signed("BUSINESS_DAY", 40), signed("ON_DEMAND", 50))));
        assertEquals(30, Authenticity.legacyBoundary(List.of(signed("BUSINESS_DAY", 20), signed("MAC_KEY_CREATED", 30),
                signed("ON_DEMAND", 90))));
        assertEquals(30, Authenticity.legacyBoundary(List.of(signed("MAC_KEY_CREATED", 30),
                new Authenticity.SignedSize("MAC_KEY_CREATED", 500, false))), "a forged checkpoint moves nothing");
    }

    @Test
    void aRowWithAMacIsAuthenticExactlyWhenItVerifies() {
        assertTrue(Authenticity.authentic(Authenticity.Mac.VERIFIES, null, 0));
        assertTrue(Authenticity.authentic(Authenticity.Mac.VERIFIES, 7L, 0));
        assertFalse(Authenticity.authentic(Authenticity.Mac.WRONG, 3L, 100), "below the boundary, but changed");
    }

    @Test
    void aRowWithoutAMacIsAuthenticOnlyWhenSealedBelowTheBoundary() {
        assertTrue(Authenticity.authentic(Authenticity.Mac.NONE, 29L, 30));
        assertFalse(Authenticity.authentic(Authenticity.Mac.NONE, 30L, 30), "sealed after the key existed");
        assertFalse(Authenticity.authentic(Authenticity.Mac.NONE, null, 30), "never sealed");
        assertFalse(Authenticity.authentic(Authenticity.Mac.NONE, 0L, 0), "a Tally that started with MACs");
    }
}
