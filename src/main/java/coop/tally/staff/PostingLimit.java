package coop.tally.staff;

import coop.tally.money.Money;

/**
 * The amounts above which a staff member's posting waits for a supervisor's override, each with
 * the credit union's default (DESIGN.md "Postings"). ADMIN may set any of them per role and per
 * staff member.
 */
public enum PostingLimit {
    /** A cash withdrawal above this needs an override. */
    CASH_WITHDRAWAL(Money.of("2500.00")),
    /** Any single posting above this needs an override. */
    SINGLE_POSTING(Money.of("10000.00")),
    /** A transfer to another member's account above this needs an override. */
    TRANSFER_TO_OTHER_MEMBER(Money.of("1000.00"));

    private final Money defaultAmount;

    PostingLimit(Money defaultAmount) {
        this.defaultAmount = defaultAmount;
    }

    public Money defaultAmount() {
        return defaultAmount;
    }
}
