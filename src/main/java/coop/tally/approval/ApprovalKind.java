package coop.tally.approval;

/** What an approval request asks a supervisor to let happen; each kind has one {@link ApprovalExecutor}. */
public enum ApprovalKind {
    POSTING, REVERSAL, PHONE_UNLOCK, DRAWER_CLOSE, SANCTIONS_REVIEW,
    /** Closing an account with its early-withdrawal penalty waived: an override. */
    ACCOUNT_CLOSE
}
