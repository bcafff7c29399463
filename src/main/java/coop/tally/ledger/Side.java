package coop.tally.ledger;

/** The side of a journal line. */
public enum Side {
    DEBIT,
    CREDIT;

    /** The other side: what a reversal line uses. */
    public Side opposite() {
        return this == DEBIT ? CREDIT : DEBIT;
    }
}
