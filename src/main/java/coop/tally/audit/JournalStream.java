package coop.tally.audit;

import coop.tally.crypto.RowMacs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static coop.tally.audit.SealedStream.bound;

/** The journal as a sealed stream: journal_entry rows, leaves in merkle_leaf, checkpoints in audit_checkpoint. */
final class JournalStream implements SealedStream<Checkpoint> {

    /** Kept for the life of the stream: account numbers never change. */
    private final AccountNumbers accountNumbers = new AccountNumbers();

    private static final String UNSEALED = """
            SELECT e.id FROM journal_entry e
             WHERE e.id > ? AND e.id <= ? AND NOT EXISTS (SELECT 1 FROM merkle_leaf l WHERE l.entry_id = e.id)
             ORDER BY e.id FETCH FIRST %d ROWS ONLY""".formatted(StreamSealer.BATCH);

    @Override
    public AuditLock lock() {
        return AuditLock.SEALER;
    }

    @Override
    public String treeName() {
        return TreeLeaves.JOURNAL;
    }

    @Override
    public String macTable() {
        return RowMacs.JOURNAL_ENTRY;
    }

    /**
     * No: the floor rises only to the largest entry actually sealed, so an entry left out at the head
     * of the journal is looked at again on every pass (and warned about once) until a later entry is
     * sealed and has aged past the recheck window.
     */
    @Override
    public boolean floorPassesLeftOut() {
        return false;
    }

    @Override
    public PreparedStatement unsealedIds(Connection connection, long scanFrom, long upTo) throws SQLException {
        return bound(connection.prepareStatement(UNSEALED), query -> {
            query.setLong(1, scanFrom);
            query.setLong(2, upTo);
        });
    }

    @Override
    public PreparedStatement largestRowId(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT MAX(id) FROM journal_entry");
    }

    @Override
    public List<SealableRow> read(Connection connection, long from, long to, Set<Long> wanted) throws SQLException {
        return JournalRows.read(connection, from, to, accountNumbers).stream()
                .filter(entry -> wanted.contains(entry.entryId()))
                .map(JournalStream::sealable)
                .toList();
    }

    private static SealableRow sealable(StoredEntry entry) {
        byte[] canonical = entry.canonicalBytes();
        return new SealableRow(entry.entryId(), canonical, canonical == null ? null : Merkle.leafHash(canonical),
                entry::whyUnreadable, entry.mac());
    }

    @Override
    public PreparedStatement largestSealedRowId(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT MAX(entry_id) FROM merkle_leaf");
    }

    @Override
    public PreparedStatement largestLeafIndex(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT MAX(leaf_index) FROM merkle_leaf");
    }

    @Override
    public PreparedStatement leafInsert(Connection connection) throws SQLException {
        return connection.prepareStatement(
                "INSERT INTO merkle_leaf (leaf_index, entry_id, leaf_hash, sealed_at) VALUES (?, ?, ?, ?)");
    }

    @Override
    public void bindLeaf(PreparedStatement insert, long leafIndex, long rowId, String leafHash, Timestamp sealedAt)
            throws SQLException {
        insert.setLong(1, leafIndex);
        insert.setLong(2, rowId);
        insert.setString(3, leafHash);
        insert.setTimestamp(4, sealedAt);
    }

    @Override
    public PreparedStatement leavesFrom(Connection connection, long fromIndex) throws SQLException {
        return bound(connection.prepareStatement(
                        "SELECT leaf_index, leaf_hash FROM merkle_leaf WHERE leaf_index >= ? ORDER BY leaf_index"),
                query -> query.setLong(1, fromIndex));
    }

    @Override
    public String rowName(long id) {
        return "Journal entry " + id;
    }

    @Override
    public String leafName(long leafIndex) {
        return "Leaf " + leafIndex;
    }

    @Override
    public byte[] signedText(long treeSize, String rootHash, Instant createdAt, String reason) {
        return Checkpoint.signedText(treeSize, rootHash, createdAt, reason);
    }

    @Override
    public PreparedStatement checkpointInsert(Connection connection, SignedHead head) throws SQLException {
        return bound(connection.prepareStatement("INSERT INTO audit_checkpoint (tree_size, root_hash,"
                + " created_at, reason, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS), insert -> {
            insert.setLong(1, head.treeSize());
            insert.setString(2, head.rootHash());
            insert.setTimestamp(3, Timestamp.from(head.createdAt()));
            insert.setString(4, head.reason());
            insert.setString(5, head.keyId());
            insert.setString(6, head.signature());
        });
    }

    @Override
    public Checkpoint checkpoint(long id, SignedHead head) {
        return new Checkpoint(id, head.treeSize(), head.rootHash(), head.createdAt(), head.reason(), head.keyId(),
                head.signature());
    }

    @Override
    public PreparedStatement checkpointsOfSize(Connection connection, long treeSize) throws SQLException {
        return bound(connection.prepareStatement("SELECT tree_size, root_hash, created_at, reason, key_id, signature"
                + " FROM audit_checkpoint WHERE tree_size = ?"), query -> query.setLong(1, treeSize));
    }
}
