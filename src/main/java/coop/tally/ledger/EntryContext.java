package coop.tally.ledger;

/**
 * What the writer of an entry knows that the entry's lines do not say, for the observers of
 * {@link EntryPosted}: the member served (the one verified on the call or visit; null for drawer
 * and vault moves), for an official check which instrument was sold, and for a posting made in a
 * call or visit the line its log gets (null: the entry is not an event of the call, as a reversal
 * made afterwards is not).
 */
public record EntryContext(String memberNumber, String instrument, String callNote) {

    /** An entry no member asked for: a drawer's or the vault's. */
    public static final EntryContext NO_MEMBER = new EntryContext(null, null, null);

    public static EntryContext serving(String memberNumber) {
        return new EntryContext(memberNumber, null, null);
    }

    public EntryContext withInstrument(String instrument) {
        return new EntryContext(memberNumber, instrument, callNote);
    }

    /** The entry is an event of the call or visit its header names, logged there as {@code note}. */
    public EntryContext loggedInCall(String note) {
        return new EntryContext(memberNumber, instrument, note);
    }
}
