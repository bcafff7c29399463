package coop.tally.posting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Read-only: the reversals made because of a posting error, each attributed to the staff member
 * who posted the reversed entry (not to whoever reversed it). Read straight from the journal, so
 * that the count cannot differ from what was posted, whoever or whatever approved the reversal.
 */
@ApplicationScoped
public class PostingErrors {

    /** One POSTING_ERROR reversal: the reversal's entry id and time, and the original's poster. */
    public record PostingError(long reversalEntryId, long originalEntryId, String originalPostedBy, Instant reversedAt) {
    }

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    /** POSTING_ERROR reversals posted in [{@code from}, {@code to}), oldest first. */
    @Transactional
    public List<PostingError> reversedBetween(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.id, o.id, o.posted_by, r.posted_at"
                        + " FROM journal_entry r JOIN journal_entry o ON o.id = r.reverses_entry_id"
                        + " WHERE r.reason_code = ? AND r.posted_at >= ? AND r.posted_at < ? ORDER BY r.posted_at, r.id")
                .setParameter(1, ReversalReason.POSTING_ERROR.name())
                .setParameter(2, Timestamp.from(from))
                .setParameter(3, Timestamp.from(to))
                .getResultList();
        return rows.stream().map(row -> new PostingError(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                (String) row[2], ((Timestamp) row[3]).toInstant())).toList();
    }
}
