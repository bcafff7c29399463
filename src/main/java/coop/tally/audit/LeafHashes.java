package coop.tally.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads the stored leaves over JDBC, in index order. */
final class LeafHashes {

    record Leaf(long index, long entryId, String hash) {
    }

    private LeafHashes() {
    }

    /** The first {@code size} leaf hashes, as stored. */
    static List<byte[]> firstHashes(Connection connection, long size) throws SQLException {
        List<byte[]> hashes = new ArrayList<>();
        forEach(connection, size, leaf -> hashes.add(Hex.parse(leaf.hash())));
        return hashes;
    }

    static void forEach(Connection connection, long size, Consumer<Leaf> action) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT leaf_index, entry_id, leaf_hash FROM merkle_leaf WHERE leaf_index < ? ORDER BY leaf_index")) {
            query.setLong(1, size);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    action.accept(new Leaf(rows.getLong(1), rows.getLong(2), rows.getString(3).trim()));
                }
            }
        }
    }

    /** The leaf of an entry, or null when it has none. */
    static Leaf ofEntry(Connection connection, long entryId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT leaf_index, entry_id, leaf_hash FROM merkle_leaf WHERE entry_id = ?")) {
            query.setLong(1, entryId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new Leaf(rows.getLong(1), rows.getLong(2), rows.getString(3).trim()) : null;
            }
        }
    }
}
