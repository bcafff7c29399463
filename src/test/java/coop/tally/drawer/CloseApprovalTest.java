package coop.tally.drawer;

import coop.tally.money.Money;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloseApprovalTest {

    private static final Money TOLERANCE = Money.of("5.00");

    @Test
    void within_tolerance_either_way_closes_by_itself() {
        assertFalse(CloseApproval.needsApproval(Money.ZERO, TOLERANCE));
        assertFalse(CloseApproval.needsApproval(Money.of("-3.00"), TOLERANCE));
        assertFalse(CloseApproval.needsApproval(Money.of("5.00"), TOLERANCE));
        assertFalse(CloseApproval.needsApproval(Money.of("-5.00"), TOLERANCE));
    }

    @Test
    void beyond_tolerance_either_way_needs_a_supervisor() {
        assertTrue(CloseApproval.needsApproval(Money.of("5.01"), TOLERANCE));
        assertTrue(CloseApproval.needsApproval(Money.of("-5.01"), TOLERANCE));
        assertTrue(CloseApproval.needsApproval(Money.of("40.00"), TOLERANCE));
    }
}
