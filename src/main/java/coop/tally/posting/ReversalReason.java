package coop.tally.posting;

/** Why an entry is reversed. A POSTING_ERROR counts against the staff member who posted the original. */
public enum ReversalReason {
    POSTING_ERROR,
    MEMBER_REQUEST,
    DUPLICATE_POSTING,
    RETURNED_ITEM,
    FRAUD
}
