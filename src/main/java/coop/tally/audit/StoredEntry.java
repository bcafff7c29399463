package coop.tally.audit;

import coop.tally.ledger.CanonicalEntry;
import coop.tally.ledger.EntryEncoding;

import java.util.List;

/**
 * A journal entry as read back from the database: its canonical form when the rows make one, or
 * why they do not (a row changed behind the application's back may not even decode), plus any
 * line whose account columns disagree with each other (the hashed account id is {@code account_ref};
 * balances follow {@code member_account_id} / {@code gl_code}, so both must name the same account),
 * and the MAC recorded with it (null when it has none).
 */
record StoredEntry(long entryId, CanonicalEntry canonical, String unreadable, List<String> lineProblems, String mac) {

    StoredEntry {
        lineProblems = List.copyOf(lineProblems);
    }

    /**
     * The canonical bytes, or null when the rows do not decode or do not encode (text that is not
     * well-formed Unicode, written behind the application's back, has no canonical form).
     */
    byte[] canonicalBytes() {
        if (canonical == null) {
            return null;
        }
        try {
            return EntryEncoding.encode(canonical);
        } catch (IllegalArgumentException notEncodable) {
            return null;
        }
    }

    /** Why {@link #canonicalBytes()} is null. */
    String whyUnreadable() {
        if (canonical == null) {
            return unreadable;
        }
        try {
            EntryEncoding.encode(canonical);
            return null;
        } catch (IllegalArgumentException notEncodable) {
            return notEncodable.getMessage();
        }
    }

    /** SHA-256(0x00 || canonical bytes), or null when there are none. */
    byte[] leafHash() {
        byte[] bytes = canonicalBytes();
        return bytes == null ? null : Merkle.leafHash(bytes);
    }
}
