package coop.tally.drawer;

import coop.tally.platform.Refusal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The pure rules of cash handed from one drawer to another: who may do what in which state, what a
 * drawer holds by denomination, and when the receiver's count matches. No JPA, no HTTP.
 */
public final class TellerTransferRules {

    /** What a step does to a transfer, and who may take it. */
    public enum Step {
        ACCEPT(TellerTransferState.ACCEPTED), REJECT(TellerTransferState.REJECTED), WITHDRAW(TellerTransferState.WITHDRAWN);

        private final TellerTransferState after;

        Step(TellerTransferState after) {
            this.after = after;
        }

        public TellerTransferState after() {
            return after;
        }

        /** The receiver accepts or rejects; the sender withdraws. */
        boolean isTheReceivers() {
            return this != WITHDRAW;
        }
    }

    private TellerTransferRules() {
    }

    /** The state a step leads to, or the refusal: only a PROPOSED transfer moves on, and only once. */
    public static TellerTransferState next(TellerTransferState now, Step step) {
        if (now != TellerTransferState.PROPOSED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "TRANSFER_ALREADY_" + now.name(),
                    "The transfer has already been " + now.name().toLowerCase() + "; it takes no further step.",
                    Map.of("state", now.name()));
        }
        return step.after();
    }

    /** 403 TRANSFER_NOT_YOURS unless {@code staff} is the side the step belongs to. */
    public static void requireParty(Step step, String staff, String sender, String receiver) {
        String party = step.isTheReceivers() ? receiver : sender;
        if (!party.equals(staff)) {
            throw Refusal.forbidden("TRANSFER_NOT_YOURS", step.isTheReceivers()
                    ? "Only the receiving rep accepts or rejects a transfer, with their own count."
                    : "Only the sending rep withdraws a transfer.");
        }
    }

    /** 422 TRANSFER_TO_SELF: cash handed within one drawer is no transfer. */
    public static void requireAnotherRep(String sender, String receiver) {
        if (sender.equals(receiver)) {
            throw new Refusal(Refusal.Kind.RULES, "TRANSFER_TO_SELF", "Cash is handed to another rep's drawer, not your own.",
                    Map.of("field", "toRep"));
        }
    }

    /**
     * The pieces a drawer holds by denomination, from its movements counted by denomination (in
     * adds, out takes away). A movement with no denominations recorded (a cash posting keyed without
     * them, an over/short) leaves the pieces as they were; the drawer's total is checked apart.
     */
    public static Map<Denomination, Long> held(List<CountedMove> moves) {
        Map<Denomination, Long> held = new EnumMap<>(Denomination.class);
        for (CountedMove move : moves) {
            if (move.count() != null) {
                move.count().pieces().forEach((denomination, pieces) -> held.merge(denomination, move.in() ? pieces : -pieces, Long::sum));
            }
        }
        return held;
    }

    /** A drawer's movement as far as its pieces go: in or out, and the count (null when none was recorded). */
    public record CountedMove(boolean in, DenominationCount count) {
    }

    /** The denominations of {@code wanted} that {@code held} (less what is already promised) does not cover, in value order. */
    public static List<Denomination> notHeld(Map<Denomination, Long> held, Map<Denomination, Long> promised, DenominationCount wanted) {
        List<Denomination> uncovered = new ArrayList<>();
        wanted.pieces().forEach((denomination, pieces) -> {
            long free = held.getOrDefault(denomination, 0L) - promised.getOrDefault(denomination, 0L);
            if (pieces > free) {
                uncovered.add(denomination);
            }
        });
        return uncovered;
    }

    /** The pieces of every count added up (the transfers a drawer has already proposed, say). */
    public static Map<Denomination, Long> sum(List<DenominationCount> counts) {
        Map<Denomination, Long> sum = new EnumMap<>(Denomination.class);
        counts.forEach(count -> count.pieces().forEach((denomination, pieces) -> sum.merge(denomination, pieces, Long::sum)));
        return sum;
    }

    /** The denominations where the receiver's count differs from what was handed over, in value order; empty when it matches. */
    public static List<Denomination> differences(DenominationCount handed, DenominationCount counted) {
        List<Denomination> differ = new ArrayList<>();
        for (Denomination denomination : Denomination.values()) {
            if (handed.piecesOf(denomination) != counted.piecesOf(denomination)) {
                differ.add(denomination);
            }
        }
        return differ;
    }

    /** The keys of denominations, as the API writes them ("100", "0.25"). */
    public static List<String> keys(List<Denomination> denominations) {
        return denominations.stream().map(Denomination::key).toList();
    }
}
