package coop.tally.audit;

import coop.tally.crypto.RowMacs;
import coop.tally.platform.TallyClock;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Gives every committed row of one {@link SealedStream} the next leaf of its tree, a batch at a time.
 * The caller keeps one pass at a time in this JVM; across servers the stream's {@link AuditLock},
 * taken at the start of each batch, is held until the batch commits. Where each pass starts is the
 * {@link ScanFloor}'s business.
 *
 * <p>Sealing is total: a row that cannot be encoded, or that is not authentic
 * ({@link Authenticity#sealable}), is left out with one warning and the others are sealed; no row can
 * stop the sealer. Verification names what was left out.
 */
final class StreamSealer {

    static final int BATCH = 2_000;

    private final SealedStream<?> stream;
    private final Logger log;
    private final ScanFloor floor;
    private final Set<Long> reportedUnsealable = new HashSet<>();
    /** Whether the floor has learnt what was sealed before this sealer's first pass. */
    private boolean floorStarted;

    /** {@code log} is the facade's logger, so warnings keep the logger name they always had. */
    StreamSealer(SealedStream<?> stream, Logger log) {
        this.stream = stream;
        this.log = log;
        this.floor = new ScanFloor(stream.floorPassesLeftOut());
    }

    /** What one batch did: how many unsealed ids it found, the largest of them, and the leaves it added. */
    private record Batch(int found, long largestFound, int added) {
        static final Batch EMPTY = new Batch(0, 0, 0);
    }

    /**
     * Seals the rows of the stream committed so far, up to the largest row there was when the pass
     * began (a later one is the next pass's); returns the number of leaves added.
     */
    int sealPending(DataSource dataSource, TallyClock clock, RowMacs rowMacs) throws SQLException {
        int added = 0;
        long scanFrom = floor.rise();
        try (Connection connection = dataSource.getConnection()) {
            long upTo = largestRowId(connection);
            connection.setAutoCommit(false);
            try {
                if (!floorStarted) {
                    floor.sealedEarlier(largestSealedRowId(connection));
                    floorStarted = true;
                }
                while (true) {
                    Batch batch = sealBatch(connection, scanFrom, upTo, clock, rowMacs);
                    connection.commit();
                    added += batch.added();
                    if (batch.found() < BATCH) {
                        break;
                    }
                    scanFrom = floor.continueFrom(scanFrom, batch.largestFound());
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                // the connection goes back to a pool: leave it as it came
                connection.setAutoCommit(true);
            }
        }
        floor.passDone();
        return added;
    }

    /**
     * Where this pass stops: the largest id of the stream when it begins, read without locks so that
     * a row still being written counts too. The pass then waits only for the rows being written now
     * (a read at READ COMMITTED waits for a row's writer); without the bound, under steady load, it
     * chased every row written while it waited, and sealed nothing for seconds.
     */
    private long largestRowId(Connection connection) throws SQLException {
        return SqlTasks.atIsolation(connection, Connection.TRANSACTION_READ_UNCOMMITTED, () -> {
            try (PreparedStatement query = stream.largestRowId(connection);
                 ResultSet rows = query.executeQuery()) {
                rows.next();
                long largest = rows.getLong(1);
                return rows.wasNull() ? 0 : largest;
            }
        });
    }

    private long largestSealedRowId(Connection connection) throws SQLException {
        try (PreparedStatement query = stream.largestSealedRowId(connection);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            long largest = rows.getLong(1);
            return rows.wasNull() ? 0 : largest;
        }
    }

    private Batch sealBatch(Connection connection, long scanFrom, long upTo, TallyClock clock, RowMacs rowMacs)
            throws SQLException {
        stream.lock().take(connection, clock.now());
        List<Long> ids = unsealedIds(connection, scanFrom, upTo);
        if (ids.isEmpty()) {
            return Batch.EMPTY;
        }
        // Stamped once the ids are read, not when the pass began: every row found was committed, so
        // posted, before this moment. A pass that waited for the lock, or for the processor under
        // load, would otherwise say it sealed rows before they were posted (verification allows
        // only a second of that, for servers' clocks) and understate the sealing lag.
        Instant now = clock.now();
        long largestFound = ids.get(ids.size() - 1);
        Set<Long> wanted = new HashSet<>(ids);
        long next = nextLeafIndex(connection);
        int added = 0;
        try (PreparedStatement insert = stream.leafInsert(connection)) {
            for (SealableRow row : stream.read(connection, ids.get(0), largestFound, wanted)) {
                if (!sealable(row, rowMacs)) {
                    continue;
                }
                stream.bindLeaf(insert, next++, row.id(), Hex.of(row.leafHash()), Timestamp.from(now));
                insert.addBatch();
                added++;
                floor.sealed(row.id());
            }
            insert.executeBatch();
        }
        floor.scanned(largestFound);
        return new Batch(ids.size(), largestFound, added);
    }

    /** Whether the row may be sealed; a row that may not is left out, and verification names it. */
    private boolean sealable(SealableRow row, RowMacs rowMacs) {
        if (row.canonical() == null) {
            warnOnce(row.id(), () -> stream.rowName(row.id()) + " cannot be sealed: " + row.whyUnreadable().get());
            return false;
        }
        if (!Authenticity.sealable(rowMacs, stream.macTable(), row.canonical(), row.mac())) {
            warnOnce(row.id(), () -> stream.rowName(row.id())
                    + " is not sealed: it has no MAC of this Tally (written behind its back, or changed)");
            return false;
        }
        return true;
    }

    /** A row left out is found again by later passes: warn about it once, not on every pass. */
    private void warnOnce(long id, Supplier<String> message) {
        if (reportedUnsealable.add(id)) {
            log.warning(message);
        }
    }

    private List<Long> unsealedIds(Connection connection, long scanFrom, long upTo) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = stream.unsealedIds(connection, scanFrom, upTo);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private long nextLeafIndex(Connection connection) throws SQLException {
        try (PreparedStatement query = stream.largestLeafIndex(connection);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            Long max = rows.getObject(1, Long.class);
            return max == null ? 0 : max + 1;
        }
    }
}
