package coop.tally.member;

import coop.tally.crypto.FieldCipher;
import coop.tally.platform.ParallelWriters;
import coop.tally.platform.SchemaMigration;
import coop.tally.platform.SchemaReady;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * Loads demo members on first start when {@code tally.demo.enabled=true} and there are no members
 * yet; {@code tally.demo.members} says how many (default 50). Accounts are inserted at zero; the
 * balances they should open with travel in {@link DemoAccountsSeeded} for the ledger to post.
 *
 * <p>Runs inside the start-up migration (a bean-managed EJB, no JTA transaction), so it takes its
 * own connections and commits each chunk of {@value #CHUNK} members itself. Large sets are written
 * by one connection per processor (at most {@value #MAX_WRITERS}): Derby's inserts are CPU-bound.
 * A load that fails half-way leaves the members written so far, and start-up fails; delete the
 * database to start over.
 */
@ApplicationScoped
public class DemoMembers {

    private static final Logger LOG = Logger.getLogger(DemoMembers.class.getName());
    /** Small, because Derby's cost per row grows with the row locks its transaction already holds. */
    static final int CHUNK = 100;
    static final int MAX_WRITERS = 4;

    @Inject
    @ConfigProperty(name = "tally.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "tally.demo.members", defaultValue = "50")
    int count;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    FieldCipher cipher;

    @Inject
    TallyClock clock;

    @Inject
    Event<DemoAccountsSeeded> accountsSeeded;

    void load(@Observes @Priority(200) SchemaReady ready) throws SQLException, InterruptedException {
        if (!enabled || count <= 0) {
            return;
        }
        long started = System.nanoTime();
        DemoMemberWriter.IdBlocks ids;
        try (Connection connection = dataSource.getConnection()) {
            if (hasMembers(connection)) {
                LOG.info("Members exist already: no demo members loaded");
                return;
            }
            ids = inTransaction(connection, () -> {
                DemoMemberWriter.IdBlocks blocks = DemoMemberWriter.IdBlocks.read(connection);
                blocks.reserve(connection, count);
                return blocks;
            });
        }
        List<SeededAccount> seeded = writeAll(new DemoMemberWriter(cipher, ids));
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> String.format("Loaded %d demo members with %d accounts in %d ms", count, seeded.size(), millis));
        accountsSeeded.fire(new DemoAccountsSeeded(seeded));
    }

    /** Chunks are dealt out in turn to the writers; the result keeps member order whatever the timing. */
    private List<SeededAccount> writeAll(DemoMemberWriter writer) throws SQLException, InterruptedException {
        DemoMemberGenerator generator = new DemoMemberGenerator(clock.today());
        int chunks = (count + CHUNK - 1) / CHUNK;
        int writers = Math.max(1, Math.min(Math.min(MAX_WRITERS, Runtime.getRuntime().availableProcessors()), chunks));
        List<List<List<SeededAccount>>> perWriter = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writerNumber = w;
            List<List<SeededAccount>> results = new ArrayList<>();
            perWriter.add(results);
            running.add(executor.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    for (int chunk = writerNumber; chunk < chunks; chunk += writers) {
                        int first = chunk * CHUNK;
                        List<DemoMember> members = new ArrayList<>(CHUNK);
                        for (int index = first; index < Math.min(count, first + CHUNK); index++) {
                            members.add(generator.member(index));
                        }
                        results.add(inTransaction(connection, () -> writer.write(connection, first, members)));
                    }
                }
                return null;
            }));
        }
        ParallelWriters.awaitAll(running, "Loading demo members");
        List<SeededAccount> seeded = new ArrayList<>(count * 2);
        for (int chunk = 0; chunk < chunks; chunk++) {
            seeded.addAll(perWriter.get(chunk % writers).get(chunk / writers));
        }
        return seeded;
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean hasMembers(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM member")) {
            return rows.next() && rows.getLong(1) > 0;
        }
    }
}
