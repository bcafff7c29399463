package coop.tally.audit;

import coop.tally.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** RFC 9162 inclusion proofs of one entry's leaf against a checkpoint, from the stored leaf hashes. */
@ApplicationScoped
public class InclusionProofs {

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /**
     * @param leafIndex the entry's leaf
     * @param leafHash  its stored hash, hex
     * @param path      the audit path, hex, from the leaf's sibling up
     * @param verified  whether the path leads from the leaf to the checkpoint's signed root
     */
    public record Proof(long entryId, long leafIndex, String leafHash, Checkpoint checkpoint, List<String> path,
                        boolean verified) {
    }

    public enum Outcome { NO_LEAF, NOT_IN_CHECKPOINT }

    /** Thrown when the entry has no leaf yet or the checkpoint predates its leaf. */
    public static final class Unavailable extends Exception {
        private final Outcome outcome;

        Unavailable(Outcome outcome, String message) {
            super(message);
            this.outcome = outcome;
        }

        public Outcome outcome() {
            return outcome;
        }
    }

    public Proof prove(long entryId, Checkpoint checkpoint) throws SQLException, Unavailable {
        try (Connection connection = dataSource.getConnection()) {
            LeafHashes.Leaf leaf = LeafHashes.ofEntry(connection, entryId);
            if (leaf == null) {
                throw new Unavailable(Outcome.NO_LEAF, "Entry " + entryId + " has no leaf yet.");
            }
            if (leaf.index() >= checkpoint.treeSize()) {
                throw new Unavailable(Outcome.NOT_IN_CHECKPOINT, "Entry " + entryId + " is leaf " + leaf.index()
                        + "; checkpoint " + checkpoint.id() + " covers " + checkpoint.treeSize() + " leaves.");
            }
            List<byte[]> hashes = LeafHashes.firstHashes(connection, checkpoint.treeSize());
            List<byte[]> path = Merkle.inclusionProof(hashes, (int) leaf.index(), hashes.size());
            boolean verified = hashes.size() == checkpoint.treeSize() && Merkle.verifyInclusion(leaf.index(),
                    checkpoint.treeSize(), Hex.parse(leaf.hash()), path, Hex.parse(checkpoint.rootHash()));
            return new Proof(entryId, leaf.index(), leaf.hash(), checkpoint, path.stream().map(Hex::of).toList(), verified);
        }
    }
}
