package coop.tally.ledger;

import coop.tally.crypto.RowMacs;
import coop.tally.member.MemberAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/**
 * The journal: the one place that writes entries and moves member balances, always together in
 * the caller's transaction. It only appends, and records each entry's MAC with it.
 */
@ApplicationScoped
public class Journal {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    GlChart chart;

    @Inject
    RowMacs rowMacs;

    /**
     * Appends a balanced entry and applies each member line to its account. The member accounts
     * must already be locked by the caller (so that the balance checked is the balance moved).
     * Only {@link JournalPipeline} appends: it publishes each entry to the journal's observers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    JournalEntry append(EntryHeader header, EntryDraft draft, Map<String, MemberAccount> lockedAccounts) {
        if (header.type() != draft.type()) {
            throw new IllegalArgumentException("Header type " + header.type() + " differs from draft type " + draft.type());
        }
        List<JournalLine> lines = new ArrayList<>();
        int lineNo = 0;
        for (LineDraft line : draft.lines()) {
            Long memberAccountId = null;
            if (line.account().isMember()) {
                MemberAccount account = lockedAccounts.get(line.account().id());
                if (account == null) {
                    throw new IllegalStateException("Account " + line.account().id() + " was not locked for this posting");
                }
                memberAccountId = account.id();
                if (line.side() == Side.DEBIT) {
                    account.applyDebit(line.amount());
                } else {
                    account.applyCredit(line.amount());
                }
            } else {
                chart.ensureExists(line.account().id());
            }
            lines.add(new JournalLine(++lineNo, line.account(), memberAccountId, line.side(), line.amount()));
        }
        JournalEntry entry = new JournalEntry(header, lines);
        em.persist(entry);
        em.flush();
        // bound to this Tally in the same transaction: the sealer seals only entries whose MAC verifies
        rowMacs.record(em, RowMacs.JOURNAL_ENTRY, entry.id(), EntryEncoding.encode(entry.toCanonical()));
        return entry;
    }

    public Optional<JournalEntry> find(long entryId) {
        return Optional.ofNullable(em.find(JournalEntry.class, entryId));
    }

    /** The entry that reversed this one, if any. */
    public Optional<JournalEntry> reversalOf(long entryId) {
        return em.createQuery("select e from JournalEntry e where e.reversesEntryId = :id", JournalEntry.class)
                .setParameter("id", entryId)
                .getResultStream().findFirst();
    }

    /** Entries touching one member account, newest first. */
    public List<JournalEntry> history(long memberAccountId, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("SELECT DISTINCT entry_id FROM journal_line WHERE member_account_id = ?"
                        + " ORDER BY entry_id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .setParameter(1, memberAccountId)
                .setParameter(2, page * size)
                .setParameter(3, size)
                .getResultList();
        return entries(rows.stream().map(Number::longValue).toList());
    }

    /** The entries with these ids, newest first. */
    public List<JournalEntry> entries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from JournalEntry e where e.id in :ids order by e.id desc", JournalEntry.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** The entries posted in one call or visit, oldest first. */
    public List<JournalEntry> ofSession(String sessionId) {
        return em.createQuery("select e from JournalEntry e where e.sessionId = :session order by e.id", JournalEntry.class)
                .setParameter("session", sessionId)
                .getResultList();
    }

    /** Which of these entries have been reversed. */
    public Set<Long> reversedAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select e.reversesEntryId from JournalEntry e where e.reversesEntryId in :ids", Long.class)
                .setParameter("ids", ids)
                .getResultList());
    }
}
