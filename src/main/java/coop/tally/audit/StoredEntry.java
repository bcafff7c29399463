package coop.tally.audit;

import coop.tally.ledger.CanonicalEntry;
import coop.tally.ledger.EntryEncoding;

import java.util.List;

/**
 * A journal entry as read back from the database: its canonical form when the rows make one, or
 * why they do not (a row changed behind the application's back may not even decode), plus any
 * line whose account columns disagree with each other (the hashed account id is {@code account_ref};
 * balances follow {@code member_account_id} / {@code gl_code}, so both must name the same account).
 */
record StoredEntry(long entryId, CanonicalEntry canonical, String unreadable, List<String> lineProblems) {

    StoredEntry {
        lineProblems = List.copyOf(lineProblems);
    }

    /** SHA-256(0x00 || canonical bytes), or null when the rows do not decode. */
    byte[] leafHash() {
        return canonical == null ? null : Merkle.leafHash(EntryEncoding.encode(canonical));
    }
}
