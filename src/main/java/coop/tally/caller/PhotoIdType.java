package coop.tally.caller;

/** The government photo IDs a rep may accept at the counter. */
public enum PhotoIdType {
    DRIVERS_LICENSE, PASSPORT, STATE_ID, MILITARY_ID, PERMANENT_RESIDENT_CARD
}
