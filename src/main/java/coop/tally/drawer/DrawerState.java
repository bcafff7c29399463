package coop.tally.drawer;

/** OPEN takes cash; AWAITING_APPROVAL has been counted out of tolerance and waits for a supervisor; CLOSED is done. */
public enum DrawerState {
    OPEN, AWAITING_APPROVAL, CLOSED
}
