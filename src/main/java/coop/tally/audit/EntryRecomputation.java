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
 * journal read in one pass on the caller's thread, encoded and hashed on others.
 */
final class EntryRecomputation {

    private static final Logger LOG = Logger.getLogger(EntryRecomputation.class.getName());

    private EntryRecomputation() {
    }

    /** Entries a hashing task takes at once, and how many such tasks may be under way. */
    private static final int HASH_CHUNK = 1_000;
    private static final int HASH_WINDOW = 4;

    /**
     * Reads the journal on this thread and encodes and hashes it on another, a chunk of entries at a
     * time, taking the results back in order (a few chunks in flight, so memory stays flat).
     */
    static EntryHashes recompute(Connection connection, Executor runner, RowMacs rowMacs,
                                                Findings findings) throws SQLException {
        Findings found = new Findings();
        EntryHashes hashes;
        try {
            hashes = recompute(connection, runner, rowMacs, found, true);
        } catch (ReorderWindow.Displaced displaced) {
            // rows stored too far from their key order: start again, in key order
            LOG.info("Journal rows are stored out of id order beyond the reorder window; reading them in id order");
            found = new Findings();
            hashes = recompute(connection, runner, rowMacs, found, false);
        }
        findings.addAll(found);
        return hashes;
    }

    private static EntryHashes recompute(Connection connection, Executor runner, RowMacs rowMacs, Findings findings,
                                         boolean storageOrder) throws SQLException {
        EntryHashes hashes = new EntryHashes();
        Map<Long, String> accountNumbers = JournalRows.accountNumbers(connection);
        Deque<CompletableFuture<HashedChunk>> pending = new ArrayDeque<>();
        List<StoredEntry> chunk = new ArrayList<>(HASH_CHUNK);
        try {
            JournalRows.forEach(connection, accountNumbers, storageOrder, entry -> {
                chunk.add(entry);
                if (chunk.size() == HASH_CHUNK) {
                    pending.addLast(hash(List.copyOf(chunk), runner, rowMacs));
                    chunk.clear();
                    while (pending.size() > HASH_WINDOW) {
                        record(pending.removeFirst().join(), hashes, findings);
                    }
                }
            });
            if (!chunk.isEmpty()) {
                pending.addLast(hash(List.copyOf(chunk), runner, rowMacs));
            }
            while (!pending.isEmpty()) {
                record(SqlTasks.join(pending.removeFirst()), hashes, findings);
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

    private static CompletableFuture<HashedChunk> hash(List<StoredEntry> entries, Executor runner, RowMacs rowMacs) {
        return CompletableFuture.supplyAsync(() -> {
            byte[][] hashes = new byte[entries.size()][];
            Authenticity.Mac[] macs = new Authenticity.Mac[entries.size()];
            for (int i = 0; i < hashes.length; i++) {
                StoredEntry entry = entries.get(i);
                byte[] canonical = entry.canonicalBytes();
                if (canonical != null) {
                    hashes[i] = Merkle.leafHash(canonical);
                    macs[i] = Authenticity.check(rowMacs, RowMacs.JOURNAL_ENTRY, canonical, entry.mac());
                }
            }
            return new HashedChunk(entries, hashes, macs);
        }, runner);
    }

    private static void record(HashedChunk chunk, EntryHashes hashes, Findings findings) {
        for (int i = 0; i < chunk.hashes().length; i++) {
            StoredEntry entry = chunk.entries().get(i);
            byte[] hash = chunk.hashes()[i];
            if (hash == null) {
                findings.add(Problem.entry("ENTRY_UNREADABLE", entry.entryId(), null, "entry " + entry.entryId()
                        + " cannot be encoded, so it cannot be sealed: " + entry.whyUnreadable()));
            }
            for (String lineProblem : entry.lineProblems()) {
                findings.add(Problem.entry("LINE_ACCOUNT_MISMATCH", entry.entryId(), null, lineProblem));
            }
            if (hash == null) {
                hashes.add(entry.entryId(), Long.MIN_VALUE, null, Authenticity.Mac.NONE, null, null);
            } else {
                CanonicalEntry canonical = entry.canonical();
                hashes.add(entry.entryId(), ChronoUnit.MICROS.between(Instant.EPOCH, canonical.postedAt()), hash,
                        chunk.macs()[i], canonical.businessDate(), canonical.approvalId());
            }
        }
    }
}
