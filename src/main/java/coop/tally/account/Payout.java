package coop.tally.account;

/**
 * How a closing account's balance leaves: to another of the member's open accounts, by an official
 * check mailed to the address on file, or as cash at the counter (a visit, through the rep's
 * drawer). NONE: the account is already empty.
 */
public enum Payout {
    NONE, TRANSFER, OFFICIAL_CHECK, CASH
}
