package coop.tally.caller;

import coop.tally.platform.TimeWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only history of calls for figures computed elsewhere (scorecards): who handled which call,
 * for which member, from when to when and how it ended. Read with a native query over a
 * {@link TimeWindow}.
 */
@ApplicationScoped
public class CallHistory {

    /** One call as the scorecard needs it; {@code endedAt} and {@code disposition} are null while open. */
    public record PastCall(String id, String handledBy, String memberNumber, Instant startedAt, Instant endedAt,
                           String disposition) {
    }

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    /** A member's earlier call or visit, for the desk's snapshot: who handled it, how it ended, its notes. */
    public record MemberContact(String id, String channel, String handledBy, Instant startedAt, Instant endedAt,
                                String disposition, List<String> notes) {
    }

    /** The member's last {@code limit} calls and visits before the one given, newest first, each with its notes in order. */
    @Transactional
    public List<MemberContact> lastContactsOf(String memberNumber, String exceptCallId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> calls = em.createNativeQuery("SELECT id, channel, handled_by, started_at, ended_at, disposition"
                        + " FROM member_call WHERE member_number = ? AND id <> ? ORDER BY started_at DESC, id DESC")
                .setParameter(1, memberNumber).setParameter(2, exceptCallId).setMaxResults(limit).getResultList();
        List<MemberContact> contacts = new ArrayList<>();
        for (Object[] columns : calls) {
            TimeWindow.Row row = new TimeWindow.Row(columns);
            contacts.add(new MemberContact(row.text(0), row.text(1), row.text(2), row.instant(3), row.instantOrNull(4),
                    row.text(5), notesOf(row.text(0))));
        }
        return contacts;
    }

    private List<String> notesOf(String callId) {
        @SuppressWarnings("unchecked")
        List<Object> notes = em.createNativeQuery("SELECT detail FROM call_event WHERE call_id = ? AND event_type = 'NOTE' ORDER BY id")
                .setParameter(1, callId).getResultList();
        return notes.stream().map(String::valueOf).toList();
    }

    /** Every call started in [{@code from}, {@code to}), oldest first. */
    @Transactional
    public List<PastCall> startedBetween(Instant from, Instant to) {
        Query calls = em.createNativeQuery("SELECT id, handled_by, member_number, started_at, ended_at, disposition"
                + " FROM member_call WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id");
        return new TimeWindow(from, to).select(calls, 1, row -> new PastCall(row.text(0), row.text(1), row.text(2),
                row.instantOrNull(3), row.instantOrNull(4), row.text(5)));
    }
}
