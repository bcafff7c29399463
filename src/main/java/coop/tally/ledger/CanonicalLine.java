package coop.tally.ledger;

import coop.tally.money.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One committed journal line as it is encoded for hashing: its number within the entry (1-based),
 * the account, the side and the amount. The amount is whatever is stored; the encoding does not
 * judge it, so that a tampered row still encodes (and then fails verification) instead of crashing.
 */
public record CanonicalLine(int lineNumber, AccountRef account, Side side, Money amount) {

    public CanonicalLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
    }

    /** Numbers the lines of a draft 1, 2, ... in their order: how a draft's lines are committed. */
    public static List<CanonicalLine> numbered(List<LineDraft> lines) {
        List<CanonicalLine> numbered = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            LineDraft line = lines.get(i);
            numbered.add(new CanonicalLine(i + 1, line.account(), line.side(), line.amount()));
        }
        return List.copyOf(numbered);
    }
}
