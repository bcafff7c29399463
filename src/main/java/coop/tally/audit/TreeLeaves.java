package coop.tally.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored leaf hashes of any of the three trees, by the tree's name: {@value #JOURNAL} (merkle_leaf)
 * or a sealed log's name (log_leaf), for proofs.
 */
final class TreeLeaves {

    static final String JOURNAL = "journal";

    /** A leaf of a log: its index, the row it seals and its stored hash (hex). */
    record LogLeaf(long index, long rowId, String hash) {
    }

    private TreeLeaves() {
    }

    /** Whether {@code tree} names one of the trees. */
    static boolean known(String tree) {
        return JOURNAL.equals(tree) || log(tree) != null;
    }

    /** The sealed log of that name, or null. */
    static SealedLog log(String tree) {
        for (SealedLog log : SealedLog.values()) {
            if (log.logName.equals(tree)) {
                return log;
            }
        }
        return null;
    }

    /** The first {@code size} stored leaf hashes of the tree, in index order (fewer when fewer exist). */
    static List<byte[]> firstHashes(Connection connection, String tree, long size) throws SQLException {
        if (JOURNAL.equals(tree)) {
            return LeafHashes.firstHashes(connection, size);
        }
        List<byte[]> hashes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT leaf_hash FROM log_leaf"
                + " WHERE log_name = ? AND leaf_index < ? ORDER BY leaf_index")) {
            query.setString(1, tree);
            query.setLong(2, size);
            query.setFetchSize(1_000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hashes.add(Hex.parse(rows.getString(1).trim()));
                }
            }
        }
        return hashes;
    }

    /** The leaf of one row of a log, or null when the row has none. */
    static LogLeaf ofRow(Connection connection, SealedLog log, long rowId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT leaf_index, row_id, leaf_hash FROM log_leaf WHERE log_name = ? AND row_id = ?")) {
            query.setString(1, log.logName);
            query.setLong(2, rowId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new LogLeaf(rows.getLong(1), rows.getLong(2), rows.getString(3).trim()) : null;
            }
        }
    }
}
