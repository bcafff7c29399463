package coop.tally.posting.plan;

/** The official checks a member can buy. */
public enum Instrument {
    MONEY_ORDER,
    CASHIERS_CHECK
}
