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
    OFFICIAL_CHECK
}
