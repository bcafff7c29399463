package coop.tally.caller;

/** A verification factor, as the call log names it (never with the answer). */
public enum Factor {
    ANI, KNOWLEDGE, PIN, PASSCODE
}
