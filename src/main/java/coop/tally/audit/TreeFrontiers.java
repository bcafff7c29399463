package coop.tally.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The saved right edges of the trees (tree_frontier): each checkpoint writes its tree's frontier,
 * O(log n) hashes, beside the checkpoint, so that a checkpoint writer with no tree in memory (after a
 * start) resumes from it and reads only the leaves added since, instead of every leaf.
 *
 * <p>A saved frontier is used only when it folds to the root of a checkpoint of its size whose
 * signature verifies under the ledger key: a frontier changed in the database would otherwise make
 * Tally sign a root it never computed. Finding two frontiers with the same root would take a SHA-256
 * collision. Any other frontier is ignored, with a warning, and the tree read from its leaves.
 */
final class TreeFrontiers {

    private static final Logger LOG = Logger.getLogger(TreeFrontiers.class.getName());
    private static final int HEX_DIGITS = 2 * Merkle.HASH_BYTES;

    private TreeFrontiers() {
    }

    /** The tree at its newest saved, validly signed frontier; the empty tree when there is none. */
    static TreeHead resume(Connection connection, SealedStream<?> stream, SigningKey key) throws SQLException {
        long size;
        String hashes;
        try (PreparedStatement query = connection.prepareStatement("SELECT tree_size, subtree_hashes FROM tree_frontier"
                + " WHERE tree_name = ? ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY")) {
            query.setString(1, stream.treeName());
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return new TreeHead();
                }
                size = rows.getLong(1);
                hashes = rows.getString(2);
            }
        }
        TreeHead tree = parse(size, hashes);
        if (tree == null) {
            LOG.warning("The saved frontier of the " + stream.treeName() + " tree at " + size
                    + " leaves is malformed; reading the tree from its leaves");
            return new TreeHead();
        }
        if (!signed(connection, stream, key, size, Hex.of(tree.root()))) {
            LOG.warning("The saved frontier of the " + stream.treeName() + " tree at " + size + " leaves does not give"
                    + " the root of a validly signed checkpoint of that size; reading the tree from its leaves");
            return new TreeHead();
        }
        return tree;
    }

    /** Saves the tree's frontier, unless its size has one already or the tree is empty. */
    static void save(Connection connection, SealedStream<?> stream, TreeHead tree) throws SQLException {
        if (tree.size() == 0) {
            return;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM tree_frontier WHERE tree_name = ? AND tree_size = ?")) {
            query.setString(1, stream.treeName());
            query.setLong(2, tree.size());
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tree_frontier (tree_name, tree_size, subtree_hashes) VALUES (?, ?, ?)")) {
            insert.setString(1, stream.treeName());
            insert.setLong(2, tree.size());
            insert.setString(3, format(tree.frontier()));
            insert.executeUpdate();
        }
    }

    /** The frontier as stored: the hex of each subtree hash, largest subtree first, concatenated. */
    static String format(List<byte[]> frontier) {
        StringBuilder text = new StringBuilder(frontier.size() * HEX_DIGITS);
        frontier.forEach(hash -> text.append(Hex.of(hash)));
        return text.toString();
    }

    /** The tree a stored frontier describes, or null when it cannot be one of {@code size} leaves. */
    static TreeHead parse(long size, String hashes) {
        if (hashes == null || size < 0 || hashes.length() != Long.bitCount(size) * HEX_DIGITS) {
            return null;
        }
        List<byte[]> subtrees = new ArrayList<>();
        for (int at = 0; at < hashes.length(); at += HEX_DIGITS) {
            byte[] hash = Hex.parseOrEmpty(hashes.substring(at, at + HEX_DIGITS));
            if (hash.length != Merkle.HASH_BYTES) {
                return null;
            }
            subtrees.add(hash);
        }
        return TreeHead.resume(size, subtrees);
    }

    /** Whether a checkpoint of {@code size} leaves with this root is signed with the ledger key. */
    private static boolean signed(Connection connection, SealedStream<?> stream, SigningKey key, long size, String root)
            throws SQLException {
        try (PreparedStatement query = stream.checkpointsOfSize(connection, size);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String rootHash = rows.getString(2).trim();
                String keyId = rows.getString(5).trim();
                if (rootHash.equals(root) && keyId.equals(key.keyId()) && Ed25519.verify(key.publicKey(),
                        stream.signedText(size, rootHash, rows.getTimestamp(3).toInstant(), rows.getString(4)),
                        Hex.parseOrEmpty(rows.getString(6).trim()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
