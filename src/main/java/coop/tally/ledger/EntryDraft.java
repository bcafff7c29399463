package coop.tally.ledger;

import coop.tally.money.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A journal entry that is valid double-entry but not yet committed: its type and its lines in the
 * order they will be numbered (1, 2, ...). Constructing one validates it, so an {@code EntryDraft}
 * that exists is always postable as far as bookkeeping goes:
 *
 * <ul>
 *   <li>at least two lines, else {@code ENTRY_TOO_FEW_LINES};</li>
 *   <li>every amount greater than zero, else {@code LINE_AMOUNT_NOT_POSITIVE} (a zero line would
 *       be noise in the trail, a negative one would hide which side really moved);</li>
 *   <li>total debits equal total credits, else {@code ENTRY_UNBALANCED}.</li>
 * </ul>
 *
 * The header (business date, staff, session, memo, ...) is added when the entry is committed;
 * see {@link CanonicalEntry}.
 */
public record EntryDraft(EntryType type, List<LineDraft> lines) {

    public EntryDraft {
        Objects.requireNonNull(type, "type");
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new InvalidEntryException(InvalidEntryException.TOO_FEW_LINES,
                    "A journal entry needs at least two lines.", Map.of("lines", lines.size()));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).amount().isPositive()) {
                throw new InvalidEntryException(InvalidEntryException.LINE_AMOUNT_NOT_POSITIVE,
                        "Every journal line must move an amount greater than zero.",
                        Map.of("lineNumber", i + 1, "amount", lines.get(i).amount().toPlainString()));
            }
        }
        Money debits = total(lines, Side.DEBIT);
        Money credits = total(lines, Side.CREDIT);
        if (!debits.equals(credits)) {
            throw new InvalidEntryException(InvalidEntryException.UNBALANCED,
                    "Debits and credits of a journal entry must be equal.",
                    Map.of("debits", debits.toPlainString(), "credits", credits.toPlainString()));
        }
    }

    public static EntryDraft of(EntryType type, LineDraft... lines) {
        return new EntryDraft(type, List.of(lines));
    }

    /**
     * The reversal of a committed entry: a {@link EntryType#REVERSAL} whose lines are the original's
     * lines, in the same order, with the same accounts and amounts and the sides swapped. Posting it
     * brings every account touched by the original back to where the original found it.
     */
    public static EntryDraft reversalOf(List<LineDraft> originalLines) {
        return new EntryDraft(EntryType.REVERSAL, contraLines(originalLines));
    }

    /** The original lines with each side swapped, in the same order. */
    public static List<LineDraft> contraLines(List<LineDraft> originalLines) {
        List<LineDraft> contra = new ArrayList<>(originalLines.size());
        for (LineDraft line : originalLines) {
            contra.add(line.contra());
        }
        return List.copyOf(contra);
    }

    public Money totalDebits() {
        return total(lines, Side.DEBIT);
    }

    public Money totalCredits() {
        return total(lines, Side.CREDIT);
    }

    private static Money total(List<LineDraft> lines, Side side) {
        Money sum = Money.ZERO;
        for (LineDraft line : lines) {
            if (line.side() == side) {
                sum = sum.plus(line.amount());
            }
        }
        return sum;
    }
}
