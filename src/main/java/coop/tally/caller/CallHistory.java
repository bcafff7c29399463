package coop.tally.caller;

import coop.tally.platform.TimeWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
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

    /** Every call started in [{@code from}, {@code to}), oldest first. */
    @Transactional
    public List<PastCall> startedBetween(Instant from, Instant to) {
        Query calls = em.createNativeQuery("SELECT id, handled_by, member_number, started_at, ended_at, disposition"
                + " FROM member_call WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id");
        return new TimeWindow(from, to).select(calls, 1, row -> new PastCall(row.text(0), row.text(1), row.text(2),
                row.instantOrNull(3), row.instantOrNull(4), row.text(5)));
    }
}
