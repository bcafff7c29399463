package coop.tally.posting.rule;

/** The state of a member account, as far as the posting rules care. */
public enum AccountStatus {
    ACTIVE,
    /** Inactive for a long time: postings need a supervisor override (a separate policy). */
    DORMANT,
    /** Nothing may post (legal order, fraud): refused outright. */
    FROZEN,
    /** Refused outright. */
    CLOSED
}
