package coop.tally.drawer;

/**
 * Where a teller transfer stands. Only a PROPOSED transfer moves on, once: the receiver ACCEPTS it
 * (the entry posts) or REJECTS it, or the sender WITHDRAWS it. The other three are final.
 */
public enum TellerTransferState {
    PROPOSED, ACCEPTED, REJECTED, WITHDRAWN
}
