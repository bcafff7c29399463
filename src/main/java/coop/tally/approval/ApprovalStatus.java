package coop.tally.approval;

/** Where a request stands, read from its events: PENDING until approved, denied, expired or cancelled. */
public enum ApprovalStatus {
    PENDING, APPROVED, DENIED, EXPIRED, CANCELLED
}
