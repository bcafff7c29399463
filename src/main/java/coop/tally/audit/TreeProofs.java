package coop.tally.audit;

import coop.tally.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * RFC 9162 proofs over the stored leaf hashes of any tree: consistency between two signed tree heads
 * of the same tree (the older tree is a prefix of the newer), and inclusion of one log row's leaf.
 * A proof is built from what is stored and then checked against the signed roots with the RFC's
 * verification algorithm, so {@code verified} is false when the stored leaves no longer give them.
 */
@ApplicationScoped
public class TreeProofs {

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /** A signed tree head of any tree, as far as proofs need it. */
    public record Head(long checkpointId, long treeSize, String rootHash) {
    }

    /**
     * @param path     PROOF(first, D[second]), hex
     * @param verified whether the path leads from the first signed root to the second
     */
    public record Consistency(String tree, Head first, Head second, List<String> path, boolean verified) {
    }

    /** @param path the audit path, hex, from the leaf's sibling up */
    public record LogInclusion(String log, long rowId, long leafIndex, String leafHash, Head checkpoint,
                               List<String> path, boolean verified) {
    }

    /** The leaves cover fewer than the first or second tree head: the stored tree lost leaves. */
    public static final class LeavesMissing extends Exception {
        LeavesMissing(String message) {
            super(message);
        }
    }

    /** {@code first} must not be larger than {@code second}; the caller checks it. */
    public Consistency consistency(String tree, Head first, Head second) throws SQLException, LeavesMissing {
        try (Connection connection = dataSource.getConnection()) {
            List<byte[]> hashes = TreeLeaves.firstHashes(connection, tree, second.treeSize());
            if (hashes.size() < second.treeSize()) {
                throw new LeavesMissing("The " + tree + " tree has " + hashes.size() + " leaves; checkpoint "
                        + second.checkpointId() + " covers " + second.treeSize() + ".");
            }
            List<byte[]> path = Merkle.consistencyProof(hashes, (int) first.treeSize(), (int) second.treeSize());
            boolean verified = Merkle.verifyConsistency(first.treeSize(), second.treeSize(), Hex.parse(first.rootHash()),
                    Hex.parse(second.rootHash()), path);
            return new Consistency(tree, first, second, path.stream().map(Hex::of).toList(), verified);
        }
    }

    /** The inclusion proof of one row's leaf, or null when the row has no leaf within the checkpoint. */
    public LogInclusion inclusion(SealedLog log, long rowId, Head checkpoint) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            TreeLeaves.LogLeaf leaf = TreeLeaves.ofRow(connection, log, rowId);
            if (leaf == null || leaf.index() >= checkpoint.treeSize()) {
                return null;
            }
            List<byte[]> hashes = TreeLeaves.firstHashes(connection, log.logName, checkpoint.treeSize());
            List<byte[]> path = Merkle.inclusionProof(hashes, (int) leaf.index(), hashes.size());
            boolean verified = hashes.size() == checkpoint.treeSize() && Merkle.verifyInclusion(leaf.index(),
                    checkpoint.treeSize(), Hex.parse(leaf.hash()), path, Hex.parse(checkpoint.rootHash()));
            return new LogInclusion(log.logName, rowId, leaf.index(), leaf.hash(), checkpoint,
                    path.stream().map(Hex::of).toList(), verified);
        }
    }
}
