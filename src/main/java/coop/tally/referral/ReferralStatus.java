package coop.tally.referral;

/** Where a referral stands: OPEN as logged, or ended by an appended CONVERTED or EXPIRED event. */
public enum ReferralStatus {
    OPEN, CONVERTED, EXPIRED
}
