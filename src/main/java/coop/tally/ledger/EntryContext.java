package coop.tally.ledger;

/**
 * What the writer of an entry knows that the entry's lines do not say, for the observers of
 * {@link EntryPosted}: the member served (the one verified on the call or visit; null for drawer
 * and vault moves) and, for an official check, which instrument was sold.
 */
public record EntryContext(String memberNumber, String instrument) {

    /** An entry no member asked for: a drawer's or the vault's. */
    public static final EntryContext NO_MEMBER = new EntryContext(null, null);

    public static EntryContext serving(String memberNumber) {
        return new EntryContext(memberNumber, null);
    }

    public EntryContext withInstrument(String instrument) {
        return new EntryContext(memberNumber, instrument);
    }
}
