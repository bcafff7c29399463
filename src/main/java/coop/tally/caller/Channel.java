package coop.tally.caller;

/**
 * How a member session reaches the rep: a phone call, verified by the phone factors, or a visit at
 * the counter, verified by a government photo ID. Cash changes hands only in a visit.
 */
public enum Channel {
    PHONE, BRANCH
}
