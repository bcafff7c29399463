package coop.tally.audit;

import coop.tally.crypto.RowMacs;
import coop.tally.platform.SchemaMigration;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Seals the call log and the security log, each into a tree of its own (table log_leaf), the way
 * {@link Sealer} seals the journal: run by the same background schedule, never on a request path,
 * one writer at a time (in this JVM by {@code synchronized}, across servers by the row lock on
 * {@code audit_lock('log_sealer')}). Ids are assigned before commit, so each pass looks again at the
 * ids above the largest one scanned {@link ScanFloor#RECHECK} ago. Like the journal's, sealing is
 * total: a row that cannot be encoded or is not authentic is left out, and verification names it.
 * The work is {@link StreamSealer}'s, over each {@link LogStream}.
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

    private final List<StreamSealer> logs = LogStream.ALL.stream().map(log -> new StreamSealer(log, LOG)).toList();

    /** Seals every committed row of both logs, one log after the other; returns the number of leaves added. */
    public synchronized int sealPending() throws SQLException {
        int added = 0;
        for (StreamSealer log : logs) {
            added += log.sealPending(dataSource, clock, rowMacs);
        }
        return added;
    }
}
