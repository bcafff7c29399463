package coop.tally.caller;

/**
 * How far a caller has proved to be the member (DESIGN.md "Caller verification"): BASIC is two
 * correct knowledge answers or a correct PIN; STRONG is BASIC plus a one-time passcode. A passcode
 * alone proves only possession of a phone on file, so it gives nothing by itself. ANI never counts.
 */
public enum VerificationLevel {
    NONE, BASIC, STRONG;

    public static VerificationLevel of(boolean knowledge, boolean pin, boolean passcode) {
        if (!knowledge && !pin) {
            return NONE;
        }
        return passcode ? STRONG : BASIC;
    }

    public boolean satisfies(VerificationLevel required) {
        return compareTo(required) >= 0;
    }
}
