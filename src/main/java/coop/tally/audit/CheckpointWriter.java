package coop.tally.audit;

import coop.tally.platform.TallyClock;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes signed checkpoints of one or more streams' trees (never updates one), one per stream, in one
 * transaction under the streams' sealer lock: no leaf can be added between reading the leaves and the
 * insert. The caller seals first, so that a checkpoint covers everything acknowledged before it was
 * asked for, and keeps one writer at a time in this JVM.
 *
 * <p>The root is computed from the stored leaf hashes. The tree of each stream's last checkpoint is
 * kept in memory and extended with the leaves added since, so a daily checkpoint reads only the new
 * leaves; its frontier is saved with the checkpoint ({@link TreeFrontiers}), so that after a start
 * the first checkpoint resumes from the newest one instead of reading every leaf: a checkpoint costs
 * O(log n) plus the leaves added since, whatever the tree's size.
 *
 * @param <C> the streams' checkpoint record
 */
final class CheckpointWriter<C> {

    private final List<? extends SealedStream<C>> streams;
    private final AuditLock lock;
    private final Map<SealedStream<C>, TreeHead> trees = new HashMap<>();

    CheckpointWriter(List<? extends SealedStream<C>> streams) {
        this.streams = List.copyOf(streams);
        this.lock = streams.get(0).lock();
        if (streams.stream().anyMatch(stream -> stream.lock() != lock)) {
            throw new IllegalArgumentException("The streams of one checkpoint share one sealer lock");
        }
    }

    /** One new checkpoint per stream, in the streams' order. */
    List<C> create(DataSource dataSource, TallyClock clock, SigningKey key, String reason) throws SQLException {
        List<C> created = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                lock.take(connection, clock.now());
                for (SealedStream<C> stream : streams) {
                    TreeHead tree = trees.get(stream);
                    if (tree == null) {
                        tree = TreeFrontiers.resume(connection, stream, key);
                        trees.put(stream, tree);
                    }
                    extend(connection, stream, tree);
                    created.add(insert(connection, stream, tree, clock, key, reason));
                    TreeFrontiers.save(connection, stream, tree);
                }
                connection.commit();
                return created;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                // a tree may hold leaves that were never signed, or be half extended: read them again next time
                trees.clear();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void extend(Connection connection, SealedStream<?> stream, TreeHead tree) throws SQLException {
        try (PreparedStatement query = stream.leavesFrom(connection, tree.size());
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (rows.getLong(1) != tree.size()) {
                    throw new IllegalStateException(stream.leafName(tree.size()) + " is missing; refusing to sign");
                }
                tree.append(Hex.parse(rows.getString(2)));
            }
        }
    }

    private static <C> C insert(Connection connection, SealedStream<C> stream, TreeHead tree, TallyClock clock,
                                SigningKey key, String reason) throws SQLException {
        Instant createdAt = clock.now().truncatedTo(ChronoUnit.MICROS);
        String root = Hex.of(tree.root());
        String signature = Hex.of(key.sign(stream.signedText(tree.size(), root, createdAt, reason)));
        SignedHead head = new SignedHead(tree.size(), root, createdAt, reason, key.keyId(), signature);
        try (PreparedStatement insert = stream.checkpointInsert(connection, head)) {
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return stream.checkpoint(keys.getLong(1), head);
            }
        }
    }
}
