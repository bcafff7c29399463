package coop.tally.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An append-only stream of rows sealed into a Merkle tree of its own: the journal
 * ({@link JournalStream}), the call log and the security log ({@link LogStream}). It supplies what
 * differs between them (tables, SQL, encoding, how rows are named); {@link StreamSealer} and
 * {@link CheckpointWriter} hold what they share. Statements are returned bound and ready to run;
 * the caller closes them.
 *
 * @param <C> the record of a signed checkpoint of this stream's tree
 */
interface SealedStream<C> {

    /** The lock a sealer pass and a checkpoint of this tree take. */
    AuditLock lock();

    /** The tree's name where trees are named together: "journal", or the log's name. */
    String treeName();

    /** The table name the stream's row MACs are made under ({@link Authenticity#sealable}). */
    String macTable();

    /**
     * Whether the scan floor may rise past rows a pass left out (could not encode, or found not
     * authentic), as it rises past sealed ones; see {@link ScanFloor}. The two kinds of stream differ
     * here, and the difference is kept on purpose: it decides which later passes look at a left-out
     * row again, and so when it would be sealed should it become sealable and where its leaf would go.
     */
    boolean floorPassesLeftOut();

    /** The ids above {@code scanFrom}, up to {@code upTo}, that have no leaf, in id order, at most {@link StreamSealer#BATCH}. */
    PreparedStatement unsealedIds(Connection connection, long scanFrom, long upTo) throws SQLException;

    /** The largest row id of the stream's table (null when it has no row). */
    PreparedStatement largestRowId(Connection connection) throws SQLException;

    /** The rows among ids [from, to] that are in {@code wanted}, in id order. */
    List<SealableRow> read(Connection connection, long from, long to, Set<Long> wanted) throws SQLException;

    /** The largest row id that has a leaf (null when the tree has none). */
    PreparedStatement largestSealedRowId(Connection connection) throws SQLException;

    /** The largest leaf index of the tree (null when it has no leaf). */
    PreparedStatement largestLeafIndex(Connection connection) throws SQLException;

    /** The insert of a leaf, bound by {@link #bindLeaf} once per leaf and run as a batch. */
    PreparedStatement leafInsert(Connection connection) throws SQLException;

    void bindLeaf(PreparedStatement insert, long leafIndex, long rowId, String leafHash, Timestamp sealedAt)
            throws SQLException;

    /** leaf_index and leaf_hash of the leaves from {@code fromIndex} on, in index order. */
    PreparedStatement leavesFrom(Connection connection, long fromIndex) throws SQLException;

    /** How a warning names a row: "Journal entry 7", "call_event row 7". */
    String rowName(long id);

    /** How an error names a leaf: "Leaf 7", "call_event leaf 7". */
    String leafName(long leafIndex);

    /** The text a checkpoint's signature is over; each stream has a format of its own. */
    byte[] signedText(long treeSize, String rootHash, Instant createdAt, String reason);

    /** The insert of a checkpoint, returning its generated id. */
    PreparedStatement checkpointInsert(Connection connection, SignedHead head) throws SQLException;

    C checkpoint(long id, SignedHead head);

    /** tree_size, root_hash, created_at, reason, key_id and signature of the checkpoints of {@code treeSize} leaves. */
    PreparedStatement checkpointsOfSize(Connection connection, long treeSize) throws SQLException;

    /** Binds a freshly prepared statement, closing it when binding fails. */
    static PreparedStatement bound(PreparedStatement statement, Binding binding) throws SQLException {
        try {
            binding.bind(statement);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
