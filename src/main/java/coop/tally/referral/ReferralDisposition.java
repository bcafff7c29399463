package coop.tally.referral;

/**
 * How the member answered the offer. A DECLINED_FOLLOW_UP asks the rep to come back, so it needs a
 * follow-up date; a plain DECLINED is closed and takes none; the others may have one.
 */
public enum ReferralDisposition {
    REFERRED, DECLINED, DECLINED_FOLLOW_UP, DECLINED_INTERESTED;

    public boolean requiresFollowUp() {
        return this == DECLINED_FOLLOW_UP;
    }

    public boolean allowsFollowUp() {
        return this != DECLINED;
    }
}
