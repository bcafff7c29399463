package coop.tally.audit;

import coop.tally.crypto.RowMacs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verification of one sealed log (the call log or the security log) against its own tree and
 * signed checkpoints: each row's leaf recomputed, rows deleted after sealing or never sealed named,
 * and each checkpoint's signature, size and root checked against the rows.
 */
final class LogVerification {

    private final SigningKey key;
    private final RowMacs rowMacs;
    /** Rows older than the sealing delay before this instant must have a leaf. */
    private final Instant now;

    LogVerification(SigningKey key, RowMacs rowMacs, Instant now) {
        this.key = key;
        this.rowMacs = rowMacs;
        this.now = now;
    }

    /**
     * Recomputes every row's leaf hash of one sealed log and compares it with its leaf, walking the
     * leaves in index order; names rows deleted after sealing and rows older than the sealing delay
     * that have no leaf. The root is computed from the recomputed hashes.
     */
    Verification.LogTree check(Connection connection, SealedLog log, List<LogCheckpoint> checkpoints, Findings findings)
            throws SQLException {
        long[] sizes = checkpoints.stream().mapToLong(LogCheckpoint::treeSize).distinct().sorted().toArray();
        byte[][] roots = new byte[sizes.length][];
        int nextSize = 0;
        Map<Long, SealedLog.Row> rows = new HashMap<>();
        long[] range = log.idRange(connection);
        if (range != null) {
            for (long from = range[0]; from <= range[1]; from += SealedLog.BATCH) {
                for (SealedLog.Row row : log.read(connection, from, Math.min(range[1], from + SealedLog.BATCH - 1))) {
                    rows.put(row.id(), row);
                }
            }
        }
        Map<Long, Long> sealed = new HashMap<>();
        TreeHead tree = new TreeHead();
        while (nextSize < sizes.length && sizes[nextSize] == 0) {
            roots[nextSize++] = tree.root();
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT leaf_index, row_id, leaf_hash FROM log_leaf WHERE log_name = ? ORDER BY leaf_index")) {
            query.setString(1, log.logName);
            try (ResultSet leaves = query.executeQuery()) {
                while (leaves.next()) {
                    long index = leaves.getLong(1);
                    long rowId = leaves.getLong(2);
                    byte[] stored = Hex.parseOrEmpty(leaves.getString(3));
                    if (index != tree.size()) {
                        findings.add(Problem.logRow("LOG_LEAF_MISSING", log.logName, null, tree.size(), log.logName
                                + " leaf indexes jump from " + (tree.size() - 1) + " to " + index));
                        break;
                    }
                    SealedLog.Row row = rows.get(rowId);
                    byte[] recomputed = stored;
                    if (row == null) {
                        findings.add(Problem.logRow("LOG_ROW_MISSING", log.logName, rowId, index, log.logName + " leaf "
                                + index + " seals row " + rowId + ", which is no longer in the log"));
                    } else if (sealed.putIfAbsent(rowId, index) != null) {
                        findings.add(Problem.logRow("LOG_LEAF_DUPLICATE", log.logName, rowId, index,
                                log.logName + " row " + rowId + " has two leaves"));
                    } else if (row.leafHash() != null) {
                        recomputed = row.leafHash();
                        if (!Arrays.equals(stored, recomputed)) {
                            findings.add(Problem.logRow("LOG_LEAF_HASH_MISMATCH", log.logName, rowId, index, log.logName
                                    + " row " + rowId + " no longer hashes to its leaf " + index
                                    + ": the row or the leaf was changed"));
                        }
                    }
                    tree.append(recomputed);
                    while (nextSize < sizes.length && sizes[nextSize] == tree.size()) {
                        roots[nextSize++] = tree.root();
                    }
                }
            }
        }
        long legacyBoundary = Authenticity.legacyBoundary(checkLogCheckpoints(log, checkpoints, sizes, roots, findings));
        Instant cutoff = now.minus(Verification.SEALING_DELAY);
        int rechecked = 0;
        for (SealedLog.Row read : rows.values().stream().sorted(Comparator.comparingLong(SealedLog.Row::id)).toList()) {
            Long leafIndex = sealed.get(read.id());
            SealedLog.Row row = read;
            Authenticity.Mac mac = macOf(row, log);
            if (leafIndex == null && (row.leafHash() == null || mac != Authenticity.Mac.VERIFIES)
                    && rechecked++ < EntryRecomputation.MAX_RECHECKS) {
                // read without locks: a transaction still under way may have written the row and not yet its MAC
                row = SqlTasks.settled(connection, log.table(), read.id())
                        ? log.read(connection, read.id(), read.id()).stream().findFirst().orElse(null) : null;
                if (row == null) {
                    continue; // rolled back
                }
                mac = macOf(row, log);
            }
            if (row.leafHash() == null) {
                findings.add(Problem.logRow("LOG_ROW_UNREADABLE", log.logName, row.id(), null, log.logName
                        + " row " + row.id() + " cannot be encoded, so it cannot be sealed: " + row.unreadable()));
                continue;
            }
            if (!Authenticity.authentic(mac, leafIndex, legacyBoundary)) {
                findings.add(Problem.logRow("LOG_ROW_NOT_AUTHENTIC", log.logName, row.id(), leafIndex, log.logName + " row "
                        + row.id() + (mac == Authenticity.Mac.WRONG ? " does not match the MAC it was written with: it was"
                        + " changed, or forged" : " has no MAC of this Tally and was not sealed before MACs existed: it was"
                        + " written behind Tally's back")));
            } else if (leafIndex == null && row.occurredAt() != null && row.occurredAt().isBefore(cutoff)) {
                findings.add(Problem.logRow("LOG_ROW_UNSEALED", log.logName, row.id(), null, log.logName
                        + " row " + row.id() + " is older than " + Verification.SEALING_DELAY.toSeconds() + " s and has no leaf"));
            }
        }
        return new Verification.LogTree(log.logName, rows.size(), tree.size(), checkpoints.size(), Hex.of(tree.root()));
    }

    /** What the row's MAC says of it; NONE for a row without canonical bytes (it is named unreadable instead). */
    private Authenticity.Mac macOf(SealedLog.Row row, SealedLog log) {
        return row.canonical() == null ? Authenticity.Mac.NONE : Authenticity.check(rowMacs, log.logName, row.canonical(), row.mac());
    }

    /**
     * Signature, consistency (sizes never shrink, each root a prefix root of the rows) and root of each
     * log checkpoint; returns what the legacy boundary needs of each.
     */
    private List<Authenticity.SignedSize> checkLogCheckpoints(SealedLog log, List<LogCheckpoint> checkpoints, long[] sizes,
                                                              byte[][] roots, Findings findings) {
        byte[] publicKey = key.publicKey();
        long previousSize = -1;
        List<Authenticity.SignedSize> signed = new ArrayList<>();
        for (LogCheckpoint checkpoint : checkpoints) {
            String name = log.logName + " checkpoint " + checkpoint.id();
            boolean valid = false;
            if (!checkpoint.keyId().equals(key.keyId())) {
                findings.add(Problem.logCheckpoint("LOG_CHECKPOINT_KEY_UNKNOWN", log.logName, checkpoint.id(),
                        name + " is signed with key " + checkpoint.keyId() + ", not the ledger key " + key.keyId()));
            } else if (!Ed25519.verify(publicKey, checkpoint.signedText(), Hex.parseOrEmpty(checkpoint.signature()))) {
                findings.add(Problem.logCheckpoint("LOG_CHECKPOINT_SIGNATURE_INVALID", log.logName, checkpoint.id(),
                        "the signature of " + name + " does not match its log, size, root, time and reason"));
            } else {
                valid = true;
            }
            signed.add(new Authenticity.SignedSize(checkpoint.reason(), checkpoint.treeSize(), valid));
            if (checkpoint.treeSize() < previousSize) {
                findings.add(Problem.logCheckpoint("LOG_CHECKPOINT_INCONSISTENT", log.logName, checkpoint.id(), name
                        + ": tree size " + checkpoint.treeSize() + " is smaller than the previous checkpoint's " + previousSize));
            }
            previousSize = Math.max(previousSize, checkpoint.treeSize());
            byte[] root = roots[Arrays.binarySearch(sizes, checkpoint.treeSize())];
            if (root == null) {
                findings.add(Problem.logCheckpoint("LOG_CHECKPOINT_BEYOND_TREE", log.logName, checkpoint.id(),
                        name + " is signed for " + checkpoint.treeSize() + " leaves, but fewer leaves exist"));
            } else if (!Hex.of(root).equals(checkpoint.rootHash())) {
                findings.add(Problem.logCheckpoint("LOG_CHECKPOINT_ROOT_MISMATCH", log.logName, checkpoint.id(), "the first "
                        + checkpoint.treeSize() + " leaves of " + log.logName + ", recomputed from its rows, do not give the"
                        + " root signed by " + name));
            }
        }
        return signed;
    }
}
