package coop.tally.audit;

import coop.tally.crypto.RowMacs;
import coop.tally.platform.TallyClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Seals a copy of the database (a backup) the way the sealers seal the live one, the moment it is
 * made: a copy holds the entries and log rows committed in the last second before it, which the live
 * sealers had not reached yet. Restored hours later and sealed only then, those entries would be
 * sealed long after their posting time, which verification rightly names ({@code LEAF_SEALED_LATE}).
 * Sealed now, within seconds, the copy verifies wherever and whenever it is restored.
 *
 * <p>Only rows whose MAC verifies are sealed, as in the live database, and the copy's own leaves are
 * added after the ones it holds: its checkpoints, copied from the live database, still verify. Fresh
 * sealers each time: the copy's ids have nothing to do with the live sealers' scan floors.
 */
@ApplicationScoped
public class CopySealer {

    private static final Logger LOG = Logger.getLogger(CopySealer.class.getName());

    @Inject
    TallyClock clock;

    @Inject
    RowMacs rowMacs;

    /** Seals every unsealed row of the journal and of both logs in {@code copy}; returns the leaves added. */
    public int sealAll(DataSource copy) throws SQLException {
        int added = new StreamSealer(new JournalStream(), LOG).sealPending(copy, clock, rowMacs);
        for (LogStream log : LogStream.ALL) {
            added += new StreamSealer(log, LOG).sealPending(copy, clock, rowMacs);
        }
        return added;
    }
}
