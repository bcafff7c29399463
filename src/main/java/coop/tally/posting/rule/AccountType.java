package coop.tally.posting.rule;

/**
 * The kinds of member account, as far as the posting rules care. (The member package keeps its own
 * account entity; its type maps one-to-one onto these names.)
 */
public enum AccountType {
    /** Savings; membership requires its par value. */
    SHARE,
    /** Checking. */
    SHARE_DRAFT,
    /** Term deposit; not transactional by phone. */
    CERTIFICATE,
    LOAN;

    /** Whether the money in it belongs to the member (the credit union owes it), i.e. not a loan. */
    public boolean isDeposit() {
        return this != LOAN;
    }

    /** Whether deposits, withdrawals and transfers may use it. */
    public boolean isTransactional() {
        return this == SHARE || this == SHARE_DRAFT;
    }
}
