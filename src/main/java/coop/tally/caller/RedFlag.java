package coop.tally.caller;

import java.util.ArrayList;
import java.util.List;

/** Signs of social engineering shown to the rep when the member is identified (issue: "Red flags"). */
public enum RedFlag {
    /** Caller ID matches no phone on file (caller ID can be spoofed, so a match proves little; a miss is worth noticing). */
    ANI_NOT_ON_FILE,
    /** Contact data changed in the last 30 days: the classic prelude to an account takeover. */
    CONTACT_CHANGED_RECENTLY,
    /** Three or more calls for this member in 24 hours, this one included. */
    REPEATED_CALLS,
    /** The member's phone access was locked in the last 7 days. */
    RECENT_LOCKOUT;

    public static final int REPEATED_CALLS_THRESHOLD = 3;

    public static List<RedFlag> evaluate(boolean aniOnFile, boolean contactChangedIn30Days, long callsIn24Hours,
                                         boolean lockedIn7Days) {
        List<RedFlag> flags = new ArrayList<>();
        if (!aniOnFile) {
            flags.add(ANI_NOT_ON_FILE);
        }
        if (contactChangedIn30Days) {
            flags.add(CONTACT_CHANGED_RECENTLY);
        }
        if (callsIn24Hours >= REPEATED_CALLS_THRESHOLD) {
            flags.add(REPEATED_CALLS);
        }
        if (lockedIn7Days) {
            flags.add(RECENT_LOCKOUT);
        }
        return List.copyOf(flags);
    }
}
