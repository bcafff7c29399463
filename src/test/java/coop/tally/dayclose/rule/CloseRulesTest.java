package coop.tally.dayclose.rule;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloseRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 11);

    private static CloseFacts facts(CloseFacts.UnclosedDrawer... drawers) {
        return new CloseFacts(DAY, List.of(drawers));
    }

    private static CloseFacts.UnclosedDrawer drawer(long id, String owner, String state) {
        return new CloseFacts.UnclosedDrawer(id, owner, DAY, state);
    }

    @Test
    void a_day_without_unclosed_drawers_may_close() {
        assertTrue(CloseRules.standard().blockers(facts()).isEmpty());
    }

    @Test
    void an_open_drawer_holds_the_close_back_and_is_named() {
        List<CloseBlocker> blockers = new NoOpenDrawerRule().check(facts(drawer(7, "rep1", "OPEN")));
        assertEquals(1, blockers.size());
        CloseBlocker blocker = blockers.get(0);
        assertEquals("DRAWER_OPEN", blocker.code());
        assertEquals("DRAWER", blocker.subject());
        assertEquals(7, blocker.id());
        assertEquals("rep1", blocker.owner());
        assertTrue(blocker.message().contains("Drawer 7 of rep1"), blocker.message());
    }

    @Test
    void the_open_drawer_rule_leaves_drawers_awaiting_approval_to_their_own_rule() {
        assertTrue(new NoOpenDrawerRule().check(facts(drawer(8, "rep2", "AWAITING_APPROVAL"))).isEmpty());
        List<CloseBlocker> blockers = new NoDrawerAwaitingApprovalRule().check(facts(drawer(8, "rep2", "AWAITING_APPROVAL")));
        assertEquals(List.of("DRAWER_AWAITING_APPROVAL"), blockers.stream().map(CloseBlocker::code).toList());
        assertTrue(new NoDrawerAwaitingApprovalRule().check(facts(drawer(7, "rep1", "OPEN"))).isEmpty());
    }

    @Test
    void a_drawer_left_open_by_an_earlier_day_holds_the_close_back_too() {
        CloseFacts facts = new CloseFacts(DAY, List.of(new CloseFacts.UnclosedDrawer(3, "rep1", DAY.minusDays(3), "OPEN")));
        List<CloseBlocker> blockers = CloseRules.standard().blockers(facts);
        assertEquals(1, blockers.size());
        assertTrue(blockers.get(0).message().contains(DAY.minusDays(3).toString()));
    }

    @Test
    void every_rule_reports_everything_it_finds_in_rule_order() {
        List<CloseBlocker> blockers = CloseRules.standard().blockers(facts(
                drawer(9, "super1", "AWAITING_APPROVAL"), drawer(7, "rep1", "OPEN"), drawer(8, "rep2", "OPEN")));
        assertEquals(List.of("DRAWER_OPEN 7", "DRAWER_OPEN 8", "DRAWER_AWAITING_APPROVAL 9"),
                blockers.stream().map(b -> b.code() + " " + b.id()).toList());
    }

    @Test
    void a_new_precondition_is_one_more_rule() {
        CloseRule pendingTransfers = facts -> List.of(new CloseBlocker("TRANSFER_PENDING", "TRANSFER", 1, "rep1", "waiting"));
        CloseRules rules = new CloseRules(List.of(new NoOpenDrawerRule(), pendingTransfers));
        assertEquals(List.of("TRANSFER_PENDING"), rules.blockers(facts()).stream().map(CloseBlocker::code).toList());
    }
}
