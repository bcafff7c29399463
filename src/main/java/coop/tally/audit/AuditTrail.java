package coop.tally.audit;

import coop.tally.ledger.Journal;
import coop.tally.caller.CallEvent;
import coop.tally.caller.CallLog;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.JournalEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Read-only searches of the journal for auditors. Every value a caller gives is a bound
 * parameter; only fixed SQL fragments are appended to the statement.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    Journal journal;

    @Inject
    CallLog callLog;

    /**
     * The filters of a search; null means "any". Amounts match when some line of the entry has an
     * amount within [minAmount, maxAmount]; dates are business dates, both ends included.
     */
    public record Filter(String member, String account, String staff, String call, EntryType type,
                         BigDecimal minAmount, BigDecimal maxAmount, LocalDate from, LocalDate to) {
    }

    /** One line of a call's trail: a call event or a journal entry posted in the call. */
    public record TrailItem(Instant at, CallEvent event, JournalEntry entry) {
    }

    /** Entries matching every given filter, newest first. */
    @Transactional
    public List<JournalEntry> search(Filter filter, int page, int size) {
        StringBuilder sql = new StringBuilder("SELECT e.id FROM journal_entry e WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.staff() != null) {
            sql.append(" AND e.posted_by = ?");
            params.add(filter.staff());
        }
        if (filter.call() != null) {
            sql.append(" AND e.session_id = ?");
            params.add(filter.call());
        }
        if (filter.type() != null) {
            sql.append(" AND e.entry_type = ?");
            params.add(filter.type().name());
        }
        if (filter.from() != null) {
            sql.append(" AND e.business_date >= ?");
            params.add(java.sql.Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND e.business_date <= ?");
            params.add(java.sql.Date.valueOf(filter.to()));
        }
        if (filter.member() != null) {
            // through the indexed member number, account ids and (member_account_id, entry_id)
            sql.append(" AND e.id IN (SELECT ml.entry_id FROM journal_line ml JOIN member_account ma ON ma.id = ml.member_account_id"
                    + " JOIN member mm ON mm.id = ma.member_id WHERE mm.member_number = ?)");
            params.add(filter.member());
        }
        if (filter.account() != null) {
            // a member account by its number, or a GL account by its code (both indexed)
            sql.append(" AND e.id IN (SELECT al.entry_id FROM journal_line al JOIN member_account aa ON aa.id = al.member_account_id"
                    + " WHERE aa.account_number = ? UNION SELECT gl.entry_id FROM journal_line gl WHERE gl.gl_code = ?)");
            params.add(filter.account());
            params.add(filter.account());
        }
        if (filter.minAmount() != null || filter.maxAmount() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM journal_line xl WHERE xl.entry_id = e.id");
            if (filter.minAmount() != null) {
                sql.append(" AND xl.amount >= ?");
                params.add(filter.minAmount());
            }
            if (filter.maxAmount() != null) {
                sql.append(" AND xl.amount <= ?");
                params.add(filter.maxAmount());
            }
            sql.append(")");
        }
        sql.append(" ORDER BY e.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        params.add((long) page * size);
        params.add(size);

        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Number> rows = query.getResultList();
        return journal.entries(rows.stream().map(Number::longValue).toList());
    }

    /** The call's events and the entries posted in it, by time (an event before an entry of the same instant); empty if no such call. */
    @Transactional
    public Optional<List<TrailItem>> callTrail(String callId) {
        Number exists = (Number) em.createNativeQuery("SELECT COUNT(*) FROM member_call WHERE id = ?")
                .setParameter(1, callId)
                .getSingleResult();
        if (exists.longValue() == 0) {
            return Optional.empty();
        }
        List<TrailItem> items = new ArrayList<>();
        for (CallEvent event : callLog.of(callId)) {
            items.add(new TrailItem(event.occurredAt(), event, null));
        }
        journal.ofSession(callId).forEach(entry -> items.add(new TrailItem(entry.postedAt(), null, entry)));
        // stable: events keep their id order, entries theirs; an event precedes an entry of the same instant
        items.sort(Comparator.comparing(TrailItem::at));
        return Optional.of(items);
    }
}
