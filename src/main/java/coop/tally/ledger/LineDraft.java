package coop.tally.ledger;

import coop.tally.money.Money;

import java.util.Objects;

/**
 * One line of an entry being built: debit or credit one account by an amount. The amount is checked
 * to be positive when the line joins an {@link EntryDraft}, so that the refusal carries the entry's
 * stable code ({@code LINE_AMOUNT_NOT_POSITIVE}).
 */
public record LineDraft(AccountRef account, Side side, Money amount) {

    public LineDraft {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
    }

    public static LineDraft debit(AccountRef account, Money amount) {
        return new LineDraft(account, Side.DEBIT, amount);
    }

    public static LineDraft credit(AccountRef account, Money amount) {
        return new LineDraft(account, Side.CREDIT, amount);
    }

    /** The same account and amount on the other side: the line that undoes this one. */
    public LineDraft contra() {
        return new LineDraft(account, side.opposite(), amount);
    }
}
