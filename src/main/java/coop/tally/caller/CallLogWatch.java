package coop.tally.caller;

import coop.tally.ledger.EntryPosted;
import coop.tally.ledger.JournalEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A posting made in a call or visit is an event of that call: its log gets a POSTING line naming
 * the entry, in the entry's own transaction, so the log never shows a posting the journal lacks
 * or misses one it holds.
 */
@ApplicationScoped
public class CallLogWatch {

    @Inject
    CallService calls;

    @Inject
    CallLog log;

    void posted(@Observes EntryPosted event) {
        JournalEntry entry = event.entry();
        String note = event.context().callNote();
        if (entry.sessionId() == null || note == null) {
            return;
        }
        MemberCall call = calls.lock(entry.sessionId())
                .orElseThrow(() -> new IllegalStateException("Entry " + entry.id() + " names no call: " + entry.sessionId()));
        log.append(call, entry.postedBy(), CallEvent.Type.POSTING, note + ", entry " + entry.id());
    }
}
