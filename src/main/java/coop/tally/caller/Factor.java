package coop.tally.caller;

/** A verification factor, as the call log names it (never with the answer). */
public enum Factor {
    ANI, KNOWLEDGE, PIN, PASSCODE,
    /** A government photo ID inspected at the counter (visits only). */
    PHOTO_ID
}
