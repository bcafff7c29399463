package coop.tally.caller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Read-only history of calls for figures computed elsewhere (scorecards): who handled which call,
 * for which member, from when to when and how it ended. Instants are bound as SQL timestamps in a
 * native query; the server runs in UTC, as the stored values are.
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, handled_by, member_number, started_at, ended_at, disposition"
                        + " FROM member_call WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id")
                .setParameter(1, Timestamp.from(from))
                .setParameter(2, Timestamp.from(to))
                .getResultList();
        return rows.stream().map(row -> new PastCall((String) row[0], (String) row[1], (String) row[2],
                instant(row[3]), instant(row[4]), (String) row[5])).toList();
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }
}
