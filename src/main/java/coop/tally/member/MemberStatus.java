package coop.tally.member;

/** A membership's standing. A FROZEN member's accounts take no postings until a supervisor clears it. */
public enum MemberStatus {
    ACTIVE,
    FROZEN,
    CLOSED
}
