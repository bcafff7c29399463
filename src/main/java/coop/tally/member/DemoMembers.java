package coop.tally.member;

import coop.tally.crypto.FieldCipher;
import coop.tally.platform.SchemaMigration;
import coop.tally.platform.SchemaReady;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
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
import java.util.logging.Logger;

/**
 * Loads demo members on first start when {@code tally.demo.enabled=true} and there are no members
 * yet; {@code tally.demo.members} says how many (default 50). Accounts are inserted at zero; the
 * balances they should open with travel in {@link DemoAccountsSeeded} for the ledger to post.
 *
 * <p>Runs inside the start-up migration (a bean-managed EJB, no JTA transaction), so it takes its
 * own connection and commits each chunk itself.
 */
@ApplicationScoped
public class DemoMembers {

    private static final Logger LOG = Logger.getLogger(DemoMembers.class.getName());
    static final int CHUNK = 1000;

    @Inject
    @ConfigProperty(name = "tally.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "tally.demo.members", defaultValue = "50")
    int count;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    FieldCipher cipher;

    @Inject
    TallyClock clock;

    @Inject
    Event<DemoAccountsSeeded> accountsSeeded;

    void load(@Observes @Priority(200) SchemaReady ready) throws SQLException {
        if (!enabled || count <= 0) {
            return;
        }
        long started = System.nanoTime();
        List<SeededAccount> seeded = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            if (hasMembers(connection)) {
                LOG.info("Members exist already: no demo members loaded");
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                seeded.addAll(writeAll(connection));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> String.format("Loaded %d demo members with %d accounts in %d ms", count, seeded.size(), millis));
        accountsSeeded.fire(new DemoAccountsSeeded(seeded));
    }

    private List<SeededAccount> writeAll(Connection connection) throws SQLException {
        DemoMemberGenerator generator = new DemoMemberGenerator(clock.today());
        DemoMemberWriter writer = new DemoMemberWriter(connection, cipher);
        List<SeededAccount> seeded = new ArrayList<>(count * 2);
        for (int first = 0; first < count; first += CHUNK) {
            int last = Math.min(count, first + CHUNK);
            List<DemoMember> chunk = new ArrayList<>(last - first);
            for (int index = first; index < last; index++) {
                chunk.add(generator.member(index));
            }
            seeded.addAll(writer.write(chunk));
            connection.commit();
        }
        return seeded;
    }

    private static boolean hasMembers(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM member")) {
            return rows.next() && rows.getLong(1) > 0;
        }
    }
}
