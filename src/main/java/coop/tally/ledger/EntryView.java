package coop.tally.ledger;

import coop.tally.money.Money;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of an entry as one {@link Viewer} sees them. The viewer's own lines and the GL lines
 * are shown as they are. Every other member's line is masked: all of them on one side are folded
 * into one line with no account number ({@link #MASKED_ACCOUNT}) and their total, placed where the
 * first of them stood. So a transfer to another member still shows where the money went in
 * amount (the member sent it, the sum is theirs), the entry still balances, and nothing names
 * another member's account or shows one of their balances on its own.
 */
public final class EntryView {

    /** What a masked line shows instead of an account number. */
    public static final String MASKED_ACCOUNT = "OTHER_MEMBER";

    /** One line as shown; {@code masked} lines stand for one or more lines of other members. */
    public record VisibleLine(int lineNumber, AccountRef account, Side side, Money amount, boolean masked) {
    }

    private EntryView() {
    }

    public static List<VisibleLine> linesOf(JournalEntry entry, Viewer viewer) {
        return lines(entry.lines().stream().map(JournalLine::toCanonical).toList(), viewer);
    }

    static List<VisibleLine> lines(List<CanonicalLine> lines, Viewer viewer) {
        Map<Side, Money> maskedTotals = new EnumMap<>(Side.class);
        for (CanonicalLine line : lines) {
            if (!viewer.sees(line.account())) {
                maskedTotals.merge(line.side(), line.amount(), Money::plus);
            }
        }
        List<VisibleLine> shown = new ArrayList<>(lines.size());
        for (CanonicalLine line : lines) {
            if (viewer.sees(line.account())) {
                shown.add(new VisibleLine(line.lineNumber(), line.account(), line.side(), line.amount(), false));
            } else if (maskedTotals.containsKey(line.side())) {
                // the first masked line of its side carries the side's total; the others are folded into it
                shown.add(new VisibleLine(line.lineNumber(), AccountRef.member(MASKED_ACCOUNT), line.side(),
                        maskedTotals.remove(line.side()), true));
            }
        }
        return List.copyOf(shown);
    }

    /** True when the viewer does not see every line of the entry as it is. */
    public static boolean isMasked(List<VisibleLine> lines) {
        return lines.stream().anyMatch(VisibleLine::masked);
    }
}
