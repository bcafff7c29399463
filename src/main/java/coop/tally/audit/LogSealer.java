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
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Seals the call log and the security log, each into a tree of its own (table log_leaf), the way
 * {@link Sealer} seals the journal: run by the same background schedule, never on a request path,
 * one writer at a time (in this JVM by {@code synchronized}, across servers by the row lock on
 * {@code audit_lock('log_sealer')}). Ids are assigned before commit, so each pass looks again at the
 * ids above the largest one sealed {@link Sealer#RECHECK} ago. Like the journal's, sealing is total:
 * a row that cannot be encoded or is not authentic is left out, and verification names it.
 */
@ApplicationScoped
public class LogSealer {

    private static final Logger LOG = Logger.getLogger(LogSealer.class.getName());

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    TallyClock clock;

    @Inject
    RowMacs rowMacs;

    private final Map<SealedLog, State> states = new EnumMap<>(SealedLog.class);

    /** Per log: (when, largest row id sealed by then) marks and the floor of the next scan. */
    private static final class State {
        final Deque<long[]> marks = new ArrayDeque<>();
        final Set<Long> reportedUnsealable = new HashSet<>();
        long floor;
        long lastSealedId;
    }

    /** Seals every committed row of both logs; returns the number of leaves added. */
    public synchronized int sealPending() throws SQLException {
        int added = 0;
        for (SealedLog log : SealedLog.values()) {
            added += seal(log, states.computeIfAbsent(log, l -> new State()));
        }
        return added;
    }

    private int seal(SealedLog log, State state) throws SQLException {
        long cutoff = System.nanoTime() - Sealer.RECHECK.toNanos();
        while (!state.marks.isEmpty() && state.marks.peekFirst()[0] < cutoff) {
            state.floor = Math.max(state.floor, state.marks.removeFirst()[1]);
        }
        long scanFrom = state.floor;
        int added = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                while (true) {
                    int[] batch = sealBatch(connection, log, state, scanFrom);
                    connection.commit();
                    added += batch[0];
                    if (batch[1] < SealedLog.BATCH) {
                        break;
                    }
                    scanFrom = Math.max(scanFrom, state.lastSealedId);
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        state.marks.addLast(new long[]{System.nanoTime(), Math.max(state.lastSealedId, state.floor)});
        return added;
    }

    /** Returns {leaves added, unsealed ids found}. */
    private int[] sealBatch(Connection connection, SealedLog log, State state, long scanFrom) throws SQLException {
        Instant now = clock.now();
        try (PreparedStatement lock = connection.prepareStatement("UPDATE audit_lock SET taken_at = ? WHERE name = 'log_sealer'")) {
            lock.setTimestamp(1, Timestamp.from(now));
            lock.executeUpdate();
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT e.id FROM " + log.table() + " e WHERE e.id > ?"
                + " AND NOT EXISTS (SELECT 1 FROM log_leaf l WHERE l.log_name = ? AND l.row_id = e.id)"
                + " ORDER BY e.id FETCH FIRST " + SealedLog.BATCH + " ROWS ONLY")) {
            query.setLong(1, scanFrom);
            query.setString(2, log.logName);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return new int[]{0, 0};
        }
        Set<Long> wanted = new HashSet<>(ids);
        long next = nextLeafIndex(connection, log);
        int added = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO log_leaf (log_name, leaf_index, row_id, leaf_hash, sealed_at) VALUES (?, ?, ?, ?, ?)")) {
            for (SealedLog.Row row : log.read(connection, ids.get(0), ids.get(ids.size() - 1))) {
                if (!wanted.contains(row.id())) {
                    continue;
                }
                // a row that cannot be encoded or is not authentic is left out; verification names it
                if (row.leafHash() == null) {
                    if (state.reportedUnsealable.add(row.id())) {
                        LOG.warning(() -> log.logName + " row " + row.id() + " cannot be sealed: " + row.unreadable());
                    }
                    continue;
                }
                if (!Authenticity.sealable(rowMacs, log.logName, row.canonical(), row.mac())) {
                    if (state.reportedUnsealable.add(row.id())) {
                        LOG.warning(() -> log.logName + " row " + row.id()
                                + " is not sealed: it has no MAC of this Tally (written behind its back, or changed)");
                    }
                    continue;
                }
                insert.setString(1, log.logName);
                insert.setLong(2, next++);
                insert.setLong(3, row.id());
                insert.setString(4, Hex.of(row.leafHash()));
                insert.setTimestamp(5, Timestamp.from(now));
                insert.addBatch();
                added++;
            }
            insert.executeBatch();
        }
        state.lastSealedId = Math.max(state.lastSealedId, ids.get(ids.size() - 1));
        return new int[]{added, ids.size()};
    }

    private static long nextLeafIndex(Connection connection, SealedLog log) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT MAX(leaf_index) FROM log_leaf WHERE log_name = ?")) {
            query.setString(1, log.logName);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                Long max = rows.getObject(1, Long.class);
                return max == null ? 0 : max + 1;
            }
        }
    }
}
