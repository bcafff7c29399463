package coop.tally.member;

/**
 * An account's standing. DORMANT accounts post only with a supervisor override; FROZEN and CLOSED
 * accounts are refused outright (DESIGN.md "Postings").
 */
public enum AccountStatus {
    ACTIVE,
    DORMANT,
    FROZEN,
    CLOSED
}
