package coop.tally.audit;

import coop.tally.crypto.RowMacs;
import coop.tally.ledger.CanonicalEntry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * Every journal entry's leaf hash and MAC verdict recomputed from its rows, for verification: the
 * entries read in one pass on the caller's thread, their lines on another connection and thread,
 * encoded and hashed on others.
 */
final class EntryRecomputation {

    private static final Logger LOG = Logger.getLogger(EntryRecomputation.class.getName());

    private EntryRecomputation() {
    }

    /** Unsealed entries in doubt read again as committed, at most (see {@link #recheckUnsealed}). */
    static final int MAX_RECHECKS = 1_000;

    /** Entries a hashing task takes at once, and how many such tasks may be under way. */
    private static final int HASH_CHUNK = 1_000;
    private static final int HASH_WINDOW = 4;

    /**
     * Reads the journal on this thread and decodes, encodes and hashes it on another, a chunk of
     * entries at a time, taking the results back in order (a few chunks in flight, so memory stays flat).
     */
    static EntryHashes recompute(Connection connection, Connection lineConnection, Executor runner, RowMacs rowMacs)
            throws SQLException {
        try {
            return recompute(connection, lineConnection, runner, rowMacs, true);
        } catch (ReorderWindow.Displaced displaced) {
            // rows stored too far from their key order: start again, in key order
            LOG.info("Journal rows are stored out of id order beyond the reorder window; reading them in id order");
            return recompute(connection, lineConnection, runner, rowMacs, false);
        }
    }

    private static EntryHashes recompute(Connection connection, Connection lineConnection, Executor runner,
                                         RowMacs rowMacs, boolean storageOrder) throws SQLException {
        EntryHashes hashes = new EntryHashes();
        Map<Long, String> accountNumbers = JournalRows.accountNumbers(connection);
        Deque<CompletableFuture<HashedChunk>> pending = new ArrayDeque<>();
        List<JournalRows.Read> chunk = new ArrayList<>(HASH_CHUNK);
        try {
            JournalRows.forEach(connection, lineConnection, runner, accountNumbers, storageOrder, entry -> {
                chunk.add(entry);
                if (chunk.size() == HASH_CHUNK) {
                    pending.addLast(hash(List.copyOf(chunk), runner, rowMacs));
                    chunk.clear();
                    while (pending.size() > HASH_WINDOW) {
                        record(pending.removeFirst().join(), hashes);
                    }
                }
            });
            if (!chunk.isEmpty()) {
                pending.addLast(hash(List.copyOf(chunk), runner, rowMacs));
            }
            while (!pending.isEmpty()) {
                record(SqlTasks.join(pending.removeFirst()), hashes);
            }
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
        return hashes;
    }

    /** A chunk of entries with, for each, its leaf hash (null when it has no canonical bytes) and MAC verdict. */
    private record HashedChunk(List<StoredEntry> entries, byte[][] hashes, Authenticity.Mac[] macs) {
    }

    private static CompletableFuture<HashedChunk> hash(List<JournalRows.Read> reads, Executor runner, RowMacs rowMacs) {
        return CompletableFuture.supplyAsync(() -> {
            byte[][] hashes = new byte[reads.size()][];
            Authenticity.Mac[] macs = new Authenticity.Mac[reads.size()];
            List<StoredEntry> entries = new ArrayList<>(reads.size());
            for (int i = 0; i < hashes.length; i++) {
                StoredEntry entry = reads.get(i).decode();
                entries.add(entry);
                byte[] canonical = entry.canonicalBytes();
                if (canonical != null) {
                    hashes[i] = Merkle.leafHash(canonical);
                    macs[i] = Authenticity.check(rowMacs, RowMacs.JOURNAL_ENTRY, canonical, entry.mac());
                }
            }
            return new HashedChunk(entries, hashes, macs);
        }, runner);
    }

    private static void record(HashedChunk chunk, EntryHashes hashes) {
        for (int i = 0; i < chunk.hashes().length; i++) {
            StoredEntry entry = chunk.entries().get(i);
            byte[] hash = chunk.hashes()[i];
            if (hash == null) {
                hashes.add(entry.entryId(), Long.MIN_VALUE, null, Authenticity.Mac.NONE, null, null);
            } else {
                CanonicalEntry canonical = entry.canonical();
                hashes.add(entry.entryId(), ChronoUnit.MICROS.between(Instant.EPOCH, canonical.postedAt()), hash,
                        chunk.macs()[i], canonical.businessDate(), canonical.approvalId());
            }
            hashes.noteProblems(hashes.size() - 1, problemsOf(entry, hash != null));
        }
    }

    /** What an entry's rows show wrong by themselves: no canonical form, or a line naming its account twice, differently. */
    private static List<Problem> problemsOf(StoredEntry entry, boolean encodable) {
        List<Problem> problems = new ArrayList<>(0);
        if (!encodable) {
            problems.add(Problem.entry("ENTRY_UNREADABLE", entry.entryId(), null, "entry " + entry.entryId()
                    + " cannot be encoded, so it cannot be sealed: " + entry.whyUnreadable()));
        }
        for (String lineProblem : entry.lineProblems()) {
            problems.add(Problem.entry("LINE_ACCOUNT_MISMATCH", entry.entryId(), null, lineProblem));
        }
        return problems;
    }

    /**
     * Reads again, once settled ({@link SqlTasks#settled}), the unsealed entries that looked wrong
     * when read without locks (unreadable, a line in doubt, or a MAC that is missing or does not
     * verify), newest first and at most {@value #MAX_RECHECKS} of them. A posting still under way has
     * its entry row written before its lines and its MAC, so a read without locks can catch it
     * half-written; settled, it is either whole or gone. Sealed entries need no second look: only
     * committed rows are sealed.
     */
    static void recheckUnsealed(Connection connection, EntryHashes entries, RowMacs rowMacs) throws SQLException {
        int rechecked = 0;
        for (int at = entries.size() - 1; at >= 0 && rechecked < MAX_RECHECKS; at--) {
            if (!entries.isSealed(at) && entries.doubtful(at)) {
                rechecked++;
                recheck(connection, entries, at, rowMacs);
            }
        }
    }

    private static void recheck(Connection connection, EntryHashes entries, int at, RowMacs rowMacs) throws SQLException {
        long id = entries.id(at);
        // the entry row is written first and locked until its transaction ends: once it has settled,
        // its lines and MAC are as committed too
        List<StoredEntry> committed = SqlTasks.settled(connection, "journal_entry", id)
                ? JournalRows.read(connection, id, id) : List.of();
        if (committed.isEmpty()) {
            entries.markGone(at);
            return;
        }
        StoredEntry entry = committed.get(0);
        byte[] canonical = entry.canonicalBytes();
        if (canonical == null) {
            entries.replace(at, Long.MIN_VALUE, null, Authenticity.Mac.NONE, null, null);
        } else {
            CanonicalEntry form = entry.canonical();
            entries.replace(at, ChronoUnit.MICROS.between(Instant.EPOCH, form.postedAt()), Merkle.leafHash(canonical),
                    Authenticity.check(rowMacs, RowMacs.JOURNAL_ENTRY, canonical, entry.mac()),
                    form.businessDate(), form.approvalId());
        }
        entries.noteProblems(at, problemsOf(entry, canonical != null));
    }
}
