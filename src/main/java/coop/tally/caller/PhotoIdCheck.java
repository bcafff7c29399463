package coop.tally.caller;

import java.time.LocalDate;

/**
 * The counter rule (DESIGN.md "Calls and visits"): an unexpired government photo ID that the rep
 * attests is in the member's name verifies the member to STRONG. An ID is good through its expiry
 * date, in the credit union's time zone.
 */
public final class PhotoIdCheck {

    /** What the inspection came to. */
    public enum Outcome {
        ACCEPTED, EXPIRED, NAME_MISMATCH;

        public boolean passed() {
            return this == ACCEPTED;
        }
    }

    private PhotoIdCheck() {
    }

    public static Outcome inspect(PhotoId id, boolean inMembersName, LocalDate today) {
        if (id.expires().isBefore(today)) {
            return Outcome.EXPIRED;
        }
        if (!inMembersName) {
            return Outcome.NAME_MISMATCH;
        }
        return Outcome.ACCEPTED;
    }
}
