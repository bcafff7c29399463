package coop.tally.audit;

import coop.tally.crypto.RowMacs;
import coop.tally.platform.SchemaMigration;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Gives every committed journal entry the next leaf of the Merkle tree, a moment after its commit,
 * off the posting path: postings never wait for it and it takes no lock they take. One writer at a
 * time: in this JVM by {@code synchronized}, across servers by the row lock on
 * {@code audit_lock('sealer')} held until the batch commits.
 *
 * <p>Entries are taken in id order, but an id is assigned before its transaction commits, so a
 * smaller id can become visible after a larger one was sealed. Each pass therefore looks again at
 * the ids above the largest one sealed {@link ScanFloor#RECHECK} ago, and seals any it had not seen yet.
 *
 * <p>Sealing is total: an entry whose rows cannot be encoded, or that is not authentic
 * ({@link Authenticity#sealable}), is left out with a warning and the others are sealed; no row can
 * stop the sealer. Verification names what was left out. The work is {@link StreamSealer}'s, over
 * the {@link JournalStream}.
 */
@ApplicationScoped
public class Sealer {

    private static final Logger LOG = Logger.getLogger(Sealer.class.getName());

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    TallyClock clock;

    @Inject
    RowMacs rowMacs;

    private final StreamSealer journal = new StreamSealer(new JournalStream(), LOG);

    /** Seals everything committed so far; returns the number of leaves added. */
    public synchronized int sealPending() throws SQLException {
        return journal.sealPending(dataSource, clock, rowMacs);
    }
}
