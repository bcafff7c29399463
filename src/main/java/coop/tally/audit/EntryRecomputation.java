package coop.tally.audit;

import coop.tally.crypto.RowMacs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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
        Deque<CompletableFuture<List<Recomputed>>> pending = new ArrayDeque<>();
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

    /** An entry as recomputed: its leaf hash and MAC verdict (null and NONE when it has no canonical bytes). */
    private record Recomputed(StoredEntry entry, byte[] hash, Authenticity.Mac mac) {

        static Recomputed of(StoredEntry entry, RowMacs rowMacs) {
            byte[] canonical = entry.canonicalBytes();
            return canonical == null ? new Recomputed(entry, null, Authenticity.Mac.NONE)
                    : new Recomputed(entry, Merkle.leafHash(canonical),
                    Authenticity.check(rowMacs, RowMacs.JOURNAL_ENTRY, canonical, entry.mac()));
        }

        long postedAtMicros() {
            return hash == null ? Long.MIN_VALUE : ChronoUnit.MICROS.between(Instant.EPOCH, entry.canonical().postedAt());
        }

        LocalDate businessDate() {
            return hash == null ? null : entry.canonical().businessDate();
        }

        Long approvalId() {
            return hash == null ? null : entry.canonical().approvalId();
        }

        List<Problem> problems() {
            return problemsOf(entry, hash != null);
        }
    }

    private static CompletableFuture<List<Recomputed>> hash(List<JournalRows.Read> reads, Executor runner, RowMacs rowMacs) {
        return CompletableFuture.supplyAsync(() -> reads.stream().map(read -> Recomputed.of(read.decode(), rowMacs)).toList(),
                runner);
    }

    private static void record(List<Recomputed> chunk, EntryHashes hashes) {
        for (Recomputed entry : chunk) {
            hashes.add(entry.entry().entryId(), entry.postedAtMicros(), entry.hash(), entry.mac(), entry.businessDate(),
                    entry.approvalId());
            hashes.noteProblems(hashes.size() - 1, entry.problems());
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
        Recomputed entry = Recomputed.of(committed.get(0), rowMacs);
        entries.replace(at, entry.postedAtMicros(), entry.hash(), entry.mac(), entry.businessDate(), entry.approvalId());
        entries.noteProblems(at, entry.problems());
    }
}
