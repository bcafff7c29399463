package coop.tally.posting;

import coop.tally.platform.TimeWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

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
        Query reversals = em.createNativeQuery("SELECT r.id, o.id, o.posted_by, r.posted_at"
                        + " FROM journal_entry r JOIN journal_entry o ON o.id = r.reverses_entry_id"
                        + " WHERE r.reason_code = ? AND r.posted_at >= ? AND r.posted_at < ? ORDER BY r.posted_at, r.id")
                .setParameter(1, ReversalReason.POSTING_ERROR.name());
        return new TimeWindow(from, to).select(reversals, 2,
                row -> new PostingError(row.number(0), row.number(1), row.text(2), row.instant(3)));
    }
}
