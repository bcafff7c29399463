package coop.tally.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The journal tree's leaves as stored (merkle_leaf), in index order, in flat arrays (about 57 bytes
 * a leaf), so that verification can read them on a connection of their own while the journal is
 * read on another, and compare the two in memory afterwards.
 */
final class StoredLeaves {

    private long[] indexes = new long[1024];
    private long[] entryIds = new long[1024];
    private long[] sealedAtMicros = new long[1024];
    private byte[] hashes = new byte[1024 * Merkle.HASH_BYTES];
    private boolean[] hex = new boolean[1024];
    private int size;

    /** One more than the largest leaf index (the number of leaves when none is missing). */
    static long count(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT MAX(leaf_index) FROM merkle_leaf");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            Long max = rows.getObject(1, Long.class);
            return max == null ? 0 : max + 1;
        }
    }

    /**
     * The leaves with indexes below {@code bound}, in index order: read by a heap scan and put back in
     * index order ({@link ReorderWindow}; the sealer writes them in that order), or, should one lie
     * further from its place than the window, again in index order from the key's index.
     */
    static StoredLeaves read(Connection connection, long bound) throws SQLException {
        try {
            return read(connection, bound, true);
        } catch (ReorderWindow.Displaced displaced) {
            return read(connection, bound, false);
        }
    }

    private static StoredLeaves read(Connection connection, long bound, boolean storageOrder) throws SQLException {
        StoredLeaves leaves = new StoredLeaves();
        String sql = storageOrder
                ? "SELECT leaf_index, entry_id, leaf_hash, sealed_at FROM merkle_leaf --DERBY-PROPERTIES index=null\n"
                + " WHERE leaf_index < ?"
                : "SELECT leaf_index, entry_id, leaf_hash, sealed_at FROM merkle_leaf WHERE leaf_index < ? ORDER BY leaf_index";
        ReorderWindow<Row> window = new ReorderWindow<>(JournalRows.REORDER_WINDOW, Comparator.comparingLong(Row::index));
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, bound);
            query.setFetchSize(JournalRows.FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Row released = window.add(new Row(rows.getLong(1), rows.getLong(2), rows.getString(3),
                            rows.getTimestamp(4)));
                    if (released != null) {
                        leaves.add(released);
                    }
                }
            }
        }
        for (Row row = window.poll(); row != null; row = window.poll()) {
            leaves.add(row);
        }
        return leaves;
    }

    /** A merkle_leaf row as read. */
    private record Row(long index, long entryId, String hash, Timestamp sealedAt) {
    }

    private void add(Row row) {
        add(row.index(), row.entryId(), row.hash(), ChronoUnit.MICROS.between(Instant.EPOCH, row.sealedAt().toInstant()));
    }

    private void add(long index, long entryId, String hash, long sealedAt) {
        if (size == indexes.length) {
            int capacity = size * 2;
            indexes = Arrays.copyOf(indexes, capacity);
            entryIds = Arrays.copyOf(entryIds, capacity);
            sealedAtMicros = Arrays.copyOf(sealedAtMicros, capacity);
            hashes = Arrays.copyOf(hashes, capacity * Merkle.HASH_BYTES);
            hex = Arrays.copyOf(hex, capacity);
        }
        indexes[size] = index;
        entryIds[size] = entryId;
        sealedAtMicros[size] = sealedAt;
        hex[size] = Hex.parseInto(hash, hashes, size * Merkle.HASH_BYTES);
        size++;
    }

    int size() {
        return size;
    }

    long index(int at) {
        return indexes[at];
    }

    long entryId(int at) {
        return entryIds[at];
    }

    long sealedAtMicros(int at) {
        return sealedAtMicros[at];
    }

    /** The stored hash; a value that was not 64 hex digits gives an empty array, which equals no hash. */
    byte[] hash(int at) {
        return hex[at] ? Arrays.copyOfRange(hashes, at * Merkle.HASH_BYTES, (at + 1) * Merkle.HASH_BYTES) : new byte[0];
    }
}
