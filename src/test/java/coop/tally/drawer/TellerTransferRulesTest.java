package coop.tally.drawer;

import coop.tally.platform.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static coop.tally.drawer.Denomination.BILL_100;
import static coop.tally.drawer.Denomination.BILL_20;
import static coop.tally.drawer.Denomination.COIN_0_25;
import static coop.tally.drawer.TellerTransferRules.Step.ACCEPT;
import static coop.tally.drawer.TellerTransferRules.Step.REJECT;
import static coop.tally.drawer.TellerTransferRules.Step.WITHDRAW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TellerTransferRulesTest {

    private static DenominationCount count(Object... pairs) {
        Map<Denomination, Long> pieces = new java.util.EnumMap<>(Denomination.class);
        for (int i = 0; i < pairs.length; i += 2) {
            pieces.put((Denomination) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return DenominationCount.of(pieces);
    }

    private static TellerTransferRules.CountedMove in(DenominationCount count) {
        return new TellerTransferRules.CountedMove(true, count);
    }

    private static TellerTransferRules.CountedMove out(DenominationCount count) {
        return new TellerTransferRules.CountedMove(false, count);
    }

    @Test
    void a_proposed_transfer_is_accepted_rejected_or_withdrawn() {
        assertEquals(TellerTransferState.ACCEPTED, TellerTransferRules.next(TellerTransferState.PROPOSED, ACCEPT));
        assertEquals(TellerTransferState.REJECTED, TellerTransferRules.next(TellerTransferState.PROPOSED, REJECT));
        assertEquals(TellerTransferState.WITHDRAWN, TellerTransferRules.next(TellerTransferState.PROPOSED, WITHDRAW));
    }

    @ParameterizedTest
    @EnumSource(value = TellerTransferState.class, names = {"ACCEPTED", "REJECTED", "WITHDRAWN"})
    void a_decided_transfer_takes_no_further_step(TellerTransferState decided) {
        for (TellerTransferRules.Step step : TellerTransferRules.Step.values()) {
            Refusal refusal = assertThrows(Refusal.class, () -> TellerTransferRules.next(decided, step));
            assertEquals("TRANSFER_ALREADY_" + decided.name(), refusal.code());
            assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        }
    }

    @Test
    void the_receiver_accepts_or_rejects_and_the_sender_withdraws() {
        TellerTransferRules.requireParty(ACCEPT, "rep2", "rep1", "rep2");
        TellerTransferRules.requireParty(REJECT, "rep2", "rep1", "rep2");
        TellerTransferRules.requireParty(WITHDRAW, "rep1", "rep1", "rep2");
        for (var wrong : List.of(List.of(ACCEPT, "rep1"), List.of(ACCEPT, "super1"), List.of(REJECT, "rep1"), List.of(WITHDRAW, "rep2"))) {
            Refusal refusal = assertThrows(Refusal.class, () -> TellerTransferRules.requireParty(
                    (TellerTransferRules.Step) wrong.get(0), (String) wrong.get(1), "rep1", "rep2"), wrong.toString());
            assertEquals("TRANSFER_NOT_YOURS", refusal.code());
            assertEquals(Refusal.Kind.FORBIDDEN, refusal.kind());
        }
    }

    @Test
    void no_transfer_to_yourself() {
        assertEquals("TRANSFER_TO_SELF", assertThrows(Refusal.class, () -> TellerTransferRules.requireAnotherRep("rep1", "rep1")).code());
        TellerTransferRules.requireAnotherRep("rep1", "rep2");
    }

    @Test
    void a_drawer_holds_what_came_in_by_denomination_less_what_went_out() {
        Map<Denomination, Long> held = TellerTransferRules.held(List.of(
                in(count(BILL_100, 20)), in(count(BILL_20, 10, BILL_100, 1)), out(count(BILL_100, 5)),
                new TellerTransferRules.CountedMove(false, null)));
        assertEquals(Map.of(BILL_100, 16L, BILL_20, 10L), held);
    }

    @Test
    void a_transfer_needs_the_pieces_the_drawer_holds_less_those_already_promised() {
        Map<Denomination, Long> held = Map.of(BILL_100, 16L, BILL_20, 10L);
        assertEquals(List.of(), TellerTransferRules.notHeld(held, Map.of(), count(BILL_100, 16, BILL_20, 10)));
        assertEquals(List.of(BILL_100), TellerTransferRules.notHeld(held, Map.of(), count(BILL_100, 17, BILL_20, 1)));
        assertEquals(List.of(COIN_0_25), TellerTransferRules.notHeld(held, Map.of(), count(COIN_0_25, 1)));
        Map<Denomination, Long> promised = TellerTransferRules.sum(List.of(count(BILL_100, 10), count(BILL_100, 5, BILL_20, 10)));
        assertEquals(Map.of(BILL_100, 15L, BILL_20, 10L), promised);
        assertEquals(List.of(), TellerTransferRules.notHeld(held, promised, count(BILL_100, 1)));
        assertEquals(List.of(BILL_100, BILL_20), TellerTransferRules.notHeld(held, promised, count(BILL_100, 2, BILL_20, 1)));
    }

    @Test
    void the_receivers_count_matches_only_piece_for_piece() {
        DenominationCount handed = count(BILL_100, 5, BILL_20, 5);
        assertEquals(List.of(), TellerTransferRules.differences(handed, count(BILL_20, 5, BILL_100, 5)));
        // the same 600.00 in other notes is not the cash handed over
        assertEquals(List.of(BILL_100, BILL_20), TellerTransferRules.differences(handed, count(BILL_100, 4, BILL_20, 10)));
        assertEquals(List.of(COIN_0_25), TellerTransferRules.differences(handed, count(BILL_100, 5, BILL_20, 5, COIN_0_25, 1)));
        assertEquals(List.of("100", "0.25"), TellerTransferRules.keys(List.of(BILL_100, COIN_0_25)));
    }
}
