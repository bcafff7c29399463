package coop.tally.audit;

import coop.tally.crypto.RowMacs;
import coop.tally.platform.SchemaMigration;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Gives every committed journal entry the next leaf of the Merkle tree, a moment after its commit,
 * off the posting path: postings never wait for it and it takes no lock they take. One writer at a
 * time: in this JVM by {@code synchronized}, across servers by the row lock on
 * {@code audit_lock('sealer')} held until the batch commits.
 *
 * <p>Entries are taken in id order, but an id is assigned before its transaction commits, so a
 * smaller id can become visible after a larger one was sealed. Each pass therefore looks again at
 * the ids above the largest one sealed {@link #RECHECK} ago, and seals any it had not seen yet.
 *
 * <p>Sealing is total: an entry whose rows cannot be encoded, or that is not authentic
 * ({@link Authenticity#sealable}), is left out with a warning and the others are sealed; no row can
 * stop the sealer. Verification names what was left out.
 */
@ApplicationScoped
public class Sealer {

    static final Duration RECHECK = Duration.ofSeconds(10);
    private static final int BATCH = 2_000;
    private static final Logger LOG = Logger.getLogger(Sealer.class.getName());

    private static final String UNSEALED = """
            SELECT e.id FROM journal_entry e
             WHERE e.id > ? AND NOT EXISTS (SELECT 1 FROM merkle_leaf l WHERE l.entry_id = e.id)
             ORDER BY e.id FETCH FIRST %d ROWS ONLY""".formatted(BATCH);

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    TallyClock clock;

    @Inject
    RowMacs rowMacs;

    /** (when, largest entry id sealed by then): the floor of the next scan is the newest one older than RECHECK. */
    private final Deque<long[]> sealedMarks = new ArrayDeque<>();
    private final Set<Long> reportedUnsealable = new HashSet<>();
    private long floor;
    private long lastSealedId;
    private long lastScannedId;
    private int lastFound;

    /** Seals everything committed so far; returns the number of leaves added. */
    public synchronized int sealPending() throws SQLException {
        int added = 0;
        long scanFrom = scanFloor();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                while (true) {
                    int batch = sealBatch(connection, scanFrom);
                    connection.commit();
                    added += batch;
                    if (lastFound < BATCH) {
                        break;
                    }
                    scanFrom = Math.max(scanFrom, lastScannedId);
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                // the connection goes back to a pool: leave it as it came
                connection.setAutoCommit(true);
            }
        }
        sealedMarks.addLast(new long[]{System.nanoTime(), Math.max(lastSealedId, floor)});
        return added;
    }

    /** Seals one batch; returns how many leaves it added. */
    private int sealBatch(Connection connection, long scanFrom) throws SQLException {
        Instant now = clock.now();
        try (PreparedStatement lock = connection.prepareStatement("UPDATE audit_lock SET taken_at = ? WHERE name = 'sealer'")) {
            lock.setTimestamp(1, Timestamp.from(now));
            lock.executeUpdate();
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(UNSEALED)) {
            query.setLong(1, scanFrom);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        lastFound = ids.size();
        if (ids.isEmpty()) {
            return 0;
        }
        lastScannedId = ids.get(ids.size() - 1);
        int added = 0;
        long next = nextLeafIndex(connection);
        Set<Long> wanted = new HashSet<>(ids);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO merkle_leaf (leaf_index, entry_id, leaf_hash, sealed_at) VALUES (?, ?, ?, ?)")) {
            for (StoredEntry entry : JournalRows.read(connection, ids.get(0), ids.get(ids.size() - 1))) {
                if (!wanted.contains(entry.entryId())) {
                    continue;
                }
                // a row that cannot be encoded or is not authentic is left out; verification names it
                byte[] canonical = entry.canonicalBytes();
                if (canonical == null) {
                    warnOnce(entry.entryId(), () -> "Journal entry " + entry.entryId() + " cannot be sealed: "
                            + entry.whyUnreadable());
                    continue;
                }
                if (!Authenticity.sealable(rowMacs, RowMacs.JOURNAL_ENTRY, canonical, entry.mac())) {
                    warnOnce(entry.entryId(), () -> "Journal entry " + entry.entryId()
                            + " is not sealed: it has no MAC of this Tally (written behind its back, or changed)");
                    continue;
                }
                byte[] hash = Merkle.leafHash(canonical);
                insert.setLong(1, next++);
                insert.setLong(2, entry.entryId());
                insert.setString(3, Hex.of(hash));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.addBatch();
                added++;
                lastSealedId = Math.max(lastSealedId, entry.entryId());
            }
            insert.executeBatch();
        }
        return added;
    }

    private void warnOnce(long entryId, Supplier<String> message) {
        if (reportedUnsealable.add(entryId)) {
            LOG.warning(message);
        }
    }

    private static long nextLeafIndex(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT MAX(leaf_index) FROM merkle_leaf");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            Long max = rows.getObject(1, Long.class);
            return max == null ? 0 : max + 1;
        }
    }

    private long scanFloor() {
        long cutoff = System.nanoTime() - RECHECK.toNanos();
        while (!sealedMarks.isEmpty() && sealedMarks.peekFirst()[0] < cutoff) {
            floor = Math.max(floor, sealedMarks.removeFirst()[1]);
        }
        return floor;
    }
}
