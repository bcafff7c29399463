package coop.tally.caller;

/** How a call ended. TIMED_OUT is set by the system, never chosen by a rep. */
public enum Disposition {
    RESOLVED, CALLBACK_NEEDED, TRANSFERRED_TO_SUPERVISOR, CALLER_FAILED_VERIFICATION, ABANDONED, TIMED_OUT
}
