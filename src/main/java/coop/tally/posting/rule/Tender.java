package coop.tally.posting.rule;

/**
 * How the money of a posting arrives or leaves.
 *
 * <ul>
 *   <li>{@link #CASH}: notes and coin across the counter, through the rep's drawer.</li>
 *   <li>{@link #CHECK}: a check deposited, cleared through "checks in clearing" and held.</li>
 *   <li>{@link #INTERNAL}: funds the credit union already holds in suspense, applied to an account.</li>
 *   <li>{@link #ACCOUNT}: taken from one of the member's accounts.</li>
 *   <li>{@link #OFFICIAL_CHECK}: paid out as an official check mailed to the address on file.</li>
 * </ul>
 */
public enum Tender {
    CASH,
    CHECK,
    INTERNAL,
    ACCOUNT,
    OFFICIAL_CHECK;

    /**
     * Whether this tender changes hands across the counter, and so is taken only in a branch visit,
     * never on the phone. The call gate enforces it and the posting-types answer tells the console.
     */
    public boolean needsVisit() {
        return switch (this) {
            case CASH -> true;
            case CHECK, INTERNAL, ACCOUNT, OFFICIAL_CHECK -> false;
        };
    }
}
