package coop.tally.audit;

import coop.tally.crypto.RowMacs;
import coop.tally.platform.SchemaMigration;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Proves the journal unaltered since it was sealed, from the rows alone: recomputes every entry's
 * leaf hash and compares it with its leaf, recomputes the tree root at each checkpoint's size and
 * compares it with the signed root, checks each signature, and finds committed entries that never
 * got a leaf.
 *
 * <p>The roots are computed from the hashes recomputed from the journal (not from the stored leaf
 * hashes), so an entry altered together with its leaf hash still breaks the signed root. Two signed
 * roots that both match the recomputed prefix roots are consistent by construction (the smaller tree
 * is a prefix of the larger); a checkpoint whose size shrinks is reported as inconsistent.
 *
 * <p>Speed: the journal is read in one pass of three merged heap scans put back in id order
 * ({@link JournalRows#forEach}), the lines on a connection and thread of their own, and encoded and
 * hashed on another thread a chunk at a time, while the stored leaves are read on a further
 * connection and thread ({@link StoredLeaves}); the comparison then runs in memory. Only the leaves that existed when verification started (after the
 * checkpoints were read) are checked, so a leaf the sealer adds meanwhile is never mistaken for one
 * whose entry is missing.
 *
 * <p>The rows are read without locks (see {@link #verify}), so a posting still under way can be seen
 * half-written: its entry without its lines or its MAC. Such an entry has no leaf yet; every unsealed
 * entry or log row that looks wrong is read again once its transaction has ended
 * ({@link EntryRecomputation#recheckUnsealed}), and is reported only if it still looks wrong (and
 * not at all if it rolled back).
 *
 * <p>The call log and the security log are checked the same way against their own trees (log_leaf),
 * naming a changed, deleted or unsealed row by log and row id, and so are their signed checkpoints
 * (log_checkpoint): signature, root at the checkpoint's size recomputed from the rows, and sizes
 * that never shrink, each problem naming the log and the checkpoint.
 */
@ApplicationScoped
public class Verification {

    /** An entry committed longer ago than this must have a leaf. */
    static final Duration SEALING_DELAY = Duration.ofSeconds(60);
    /**
     * How far the clocks of the servers of a cluster may disagree: an entry is posted before it is
     * sealed, but by one server's clock, and may be sealed by another's.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(1);

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    SigningKey key;

    /** Reads the leaves beside the journal; null outside a server (the benchmark), where a plain thread does. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    TallyClock clock;

    @Inject
    RowMacs rowMacs;

    public record Report(boolean ok, long entriesChecked, long leavesChecked, long checkpointsChecked,
                         List<LogTree> logs, List<Problem> problems, boolean truncated) {
    }

    /** A sealed log as verified: its rows, its leaves, its checkpoints and the root recomputed from its rows. */
    public record LogTree(String log, long rowsChecked, long leavesChecked, long checkpointsChecked, String root) {
    }

    public Report verify() throws SQLException {
        Findings findings = new Findings();
        // outside a server (the benchmark) there is no managed executor: threads of our own, one each
        // for the leaves, the journal's lines and the hashing
        ExecutorService own = executor == null ? Executors.newFixedThreadPool(3, daemon -> {
            Thread thread = new Thread(daemon, "verification");
            thread.setDaemon(true);
            return thread;
        }) : null;
        Executor runner = executor != null ? executor : own;
        try (Connection connection = dataSource.getConnection(); Connection leafConnection = dataSource.getConnection();
             Connection lineConnection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            int leafIsolation = leafConnection.getTransactionIsolation();
            int lineIsolation = lineConnection.getTransactionIsolation();
            // No read locks: Derby takes one per row under READ COMMITTED, most of a full walk's
            // cost. Sound here: the sealer seals committed entries only, so an uncommitted entry
            // seen now has no leaf and is too new to be reported unsealed; an uncommitted leaf
            // hashes a committed entry and lies beyond every checkpoint.
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            leafConnection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            lineConnection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            try {
                // The checkpoints first, then the number of leaves: every checkpoint covers leaves
                // that exist by then, and every such leaf seals an entry committed before the journal
                // is read. Leaves the sealer adds while verification runs are left for the next one.
                List<Checkpoint> checkpoints = Checkpoints.all(connection);
                long leafCount = StoredLeaves.count(connection);
                // the leaves on a second connection and thread while this one reads and hashes the journal
                CompletableFuture<StoredLeaves> storedLeaves = SqlTasks.supplyAsync(runner,
                        () -> StoredLeaves.read(leafConnection, leafCount));
                EntryHashes entries = EntryRecomputation.recompute(connection, lineConnection, runner, rowMacs);
                long leaves = checkLeaves(SqlTasks.join(storedLeaves), entries, checkpoints, SealerStarts.read(connection), findings);
                EntryRecomputation.recheckUnsealed(connection, entries, rowMacs);
                entries.problems().forEach(findings::add);
                List<Authenticity.SignedSize> signed = checkSignatures(checkpoints, findings);
                checkEntries(entries, Authenticity.legacyBoundary(signed), EntryDates.read(connection), findings);
                List<LogTree> logs = new ArrayList<>();
                List<LogCheckpoint> logCheckpoints = LogCheckpoints.all(connection);
                LogVerification logVerification = new LogVerification(key, rowMacs, clock.now());
                for (SealedLog log : SealedLog.values()) {
                    logs.add(logVerification.check(connection, log, LogCheckpoints.of(logCheckpoints, log.logName), findings));
                }
                return new Report(findings.none(), entries.size(), leaves, checkpoints.size(),
                        List.copyOf(logs), findings.problems(), findings.truncated());
            } finally {
                // the connections go back to a pool: leave them as they came
                connection.setTransactionIsolation(isolation);
                leafConnection.setTransactionIsolation(leafIsolation);
                lineConnection.setTransactionIsolation(lineIsolation);
            }
        } finally {
            if (own != null) {
                own.shutdownNow();
            }
        }
    }

    /** Walks the leaves in index order, comparing each with its entry and the roots with the checkpoints. */
    private static long checkLeaves(StoredLeaves leaves, EntryHashes entries, List<Checkpoint> checkpoints,
                                    SealerStarts sealerStarts, Findings findings) {
        long[] sizes = checkpoints.stream().mapToLong(Checkpoint::treeSize).distinct().sorted().toArray();
        byte[][] roots = new byte[sizes.length][];
        int nextSize = 0;
        TreeHead tree = new TreeHead();
        long[] sealedEntryIds = new long[1024];
        long[] sealedAt = new long[1024];
        while (nextSize < sizes.length && sizes[nextSize] == 0) {
            roots[nextSize++] = tree.root();
        }
        for (int at = 0; at < leaves.size(); at++) {
            long index = leaves.index(at);
            long entryId = leaves.entryId(at);
            byte[] stored = leaves.hash(at);
            if (index != tree.size()) {
                findings.add(Problem.leaf("LEAF_MISSING", tree.size(), null,
                        "leaf indexes jump from " + (tree.size() - 1) + " to " + index));
                break;
            }
            int position = entries.find(entryId);
            byte[] recomputed = stored;
            if (position < 0) {
                findings.add(Problem.leaf("LEAF_ENTRY_MISSING", index, entryId,
                        "leaf " + index + " seals entry " + entryId + ", which is no longer in the journal"));
            } else if (entries.isSealed(position)) {
                findings.add(Problem.leaf("LEAF_DUPLICATE", index, entryId, "entry " + entryId + " has two leaves"));
            } else {
                entries.markSealed(position, index);
                if (entries.decoded(position)) {
                    recomputed = entries.hash(position);
                    if (!Arrays.equals(stored, recomputed)) {
                        findings.add(Problem.leaf("LEAF_HASH_MISMATCH", index, entryId, "entry " + entryId
                                + " no longer hashes to its leaf " + index + ": the entry or the leaf was changed"));
                    }
                }
            }
            if (position >= 0 && entries.decoded(position)) {
                long early = entries.postedAtMicros(position) - leaves.sealedAtMicros(at);
                if (early > CLOCK_TOLERANCE.toNanos() / 1_000) {
                    findings.add(Problem.leaf("ENTRY_POSTED_AFTER_SEALING", index, entryId, "entry " + entryId
                            + " says it was posted " + early / 1_000_000 + " s after leaf " + index
                            + " sealed it: its posting time was changed, or it was moved to an earlier leaf"));
                }
                long late = leaves.sealedAtMicros(at) - entries.postedAtMicros(position);
                if (late > SEALING_DELAY.toNanos() / 1_000
                        && !sealerStarts.explainsLateness(entries.postedAtMicros(position), leaves.sealedAtMicros(at), SEALING_DELAY)) {
                    findings.add(Problem.leaf("LEAF_SEALED_LATE", index, entryId, "entry " + entryId
                            + " was sealed " + late / 1_000_000 + " s after its posting time: inserted later,"
                            + " and no sealer had just started"));
                }
            }
            if (tree.size() == sealedEntryIds.length) {
                sealedEntryIds = Arrays.copyOf(sealedEntryIds, sealedEntryIds.length * 2);
                sealedAt = Arrays.copyOf(sealedAt, sealedAt.length * 2);
            }
            sealedEntryIds[(int) tree.size()] = entryId;
            sealedAt[(int) tree.size()] = leaves.sealedAtMicros(at);
            tree.append(recomputed);
            while (nextSize < sizes.length && sizes[nextSize] == tree.size()) {
                roots[nextSize++] = tree.root();
            }
        }
        compareRoots(checkpoints, sizes, roots, sealedEntryIds, sealedAt, (int) tree.size(), findings);
        return tree.size();
    }

    private static void compareRoots(List<Checkpoint> checkpoints, long[] sizes, byte[][] roots, long[] sealedEntryIds,
                                     long[] sealedAt, int leaves, Findings findings) {
        boolean mismatch = false;
        long previousSize = -1;
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.treeSize() < previousSize) {
                findings.add(Problem.checkpoint("CHECKPOINT_INCONSISTENT", checkpoint.id(), "tree size "
                        + checkpoint.treeSize() + " is smaller than the previous checkpoint's " + previousSize));
            }
            previousSize = Math.max(previousSize, checkpoint.treeSize());
            byte[] root = roots[Arrays.binarySearch(sizes, checkpoint.treeSize())];
            if (root == null) {
                findings.add(Problem.checkpoint("CHECKPOINT_BEYOND_TREE", checkpoint.id(),
                        "signed for " + checkpoint.treeSize() + " leaves, but fewer leaves exist"));
            } else if (!Hex.of(root).equals(checkpoint.rootHash())) {
                mismatch = true;
                findings.add(Problem.checkpoint("CHECKPOINT_ROOT_MISMATCH", checkpoint.id(), "the first "
                        + checkpoint.treeSize() + " leaves, recomputed from the journal, do not give the signed root"));
            }
        }
        if (mismatch) {
            for (long index : SealingOrder.displaced(sealedEntryIds, sealedAt, leaves)) {
                long entryId = sealedEntryIds[(int) index];
                findings.add(Problem.leaf("LEAF_OUT_OF_ORDER", index, entryId, "leaf " + index + " seals entry "
                        + entryId + " out of the sealing order: a likely place where leaves were moved"));
            }
        }
    }

    /**
     * Per entry, after the leaves: authenticity ({@link Authenticity}), a missing leaf, and a business
     * date in the past without approval ({@link EntryDates}). An entry that is not authentic is named
     * for that alone: that the sealer left it out follows from it.
     */
    private void checkEntries(EntryHashes entries, long legacyBoundary, EntryDates dates, Findings findings) {
        long cutoff = ChronoUnit.MICROS.between(Instant.EPOCH, clock.now().minus(SEALING_DELAY));
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.decoded(i) || entries.isGone(i)) {
                continue;
            }
            long id = entries.id(i);
            Long leafIndex = entries.leafIndex(i);
            if (!Authenticity.authentic(entries.mac(i), leafIndex, legacyBoundary)) {
                findings.add(Problem.entry("ENTRY_NOT_AUTHENTIC", id, leafIndex, "entry " + id + (entries.mac(i)
                        == Authenticity.Mac.WRONG ? " does not match the MAC it was written with: it was changed, or forged"
                        : " has no MAC of this Tally and was not sealed before MACs existed: it was written behind"
                        + " Tally's back")));
            } else if (leafIndex == null && entries.postedAtMicros(i) < cutoff) {
                findings.add(Problem.entry("ENTRY_UNSEALED", id, null, "entry " + id + " was committed more than "
                        + SEALING_DELAY.toSeconds() + " s ago and has no leaf"));
            }
            if (dates.backdatedWithoutApproval(entries.businessDate(i), entries.postedAtMicros(i), entries.approvalId(i))) {
                findings.add(Problem.entry("ENTRY_BACKDATED_WITHOUT_APPROVAL", id, leafIndex, "entry " + id
                        + " is dated " + entries.businessDate(i) + ", a business day already past when it was posted ("
                        + dates.openAt(entries.postedAtMicros(i)) + " was open), without an approved BUSINESS_DATE override"));
            }
        }
    }

    /** Checks every checkpoint's signature; returns what the legacy boundary needs of each. */
    private List<Authenticity.SignedSize> checkSignatures(List<Checkpoint> checkpoints, Findings findings) {
        byte[] publicKey = key.publicKey();
        List<Authenticity.SignedSize> signed = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            boolean valid = false;
            if (!checkpoint.keyId().equals(key.keyId())) {
                findings.add(Problem.checkpoint("CHECKPOINT_KEY_UNKNOWN", checkpoint.id(),
                        "signed with key " + checkpoint.keyId() + ", not the ledger key " + key.keyId()));
            } else if (!Ed25519.verify(publicKey, checkpoint.signedText(), Hex.parseOrEmpty(checkpoint.signature()))) {
                findings.add(Problem.checkpoint("CHECKPOINT_SIGNATURE_INVALID", checkpoint.id(),
                        "the signature does not match the checkpoint's size, root, time and reason"));
            } else {
                valid = true;
            }
            signed.add(new Authenticity.SignedSize(checkpoint.reason(), checkpoint.treeSize(), valid));
        }
        return signed;
    }
}
