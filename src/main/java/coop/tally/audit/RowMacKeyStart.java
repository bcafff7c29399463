package coop.tally.audit;

import coop.tally.crypto.RowMacs;
import coop.tally.platform.SchemaMigration;
import coop.tally.platform.SchemaReady;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Creates the row MAC key, once, right after the schema is migrated and before anything else writes
 * a row. First every row committed so far (a data folder from before MACs) is sealed and the journal
 * and both logs get a signed checkpoint with reason {@value Authenticity#MAC_KEY_CREATED}: those
 * checkpoints fix the legacy boundary below which rows without a MAC are accepted
 * ({@link Authenticity}). On a fresh Tally they cover empty trees.
 *
 * <p>A database whose rows carry MACs while the key file is missing is refused: a new key would make
 * every one of them look forged. Restore {@code keys/row-mac.key} (every server of a cluster shares
 * the keys folder).
 */
@ApplicationScoped
public class RowMacKeyStart {

    private static final Logger LOG = Logger.getLogger(RowMacKeyStart.class.getName());

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    RowMacs rowMacs;

    @Inject
    Checkpoints checkpoints;

    @Inject
    LogCheckpoints logCheckpoints;

    void createKey(@Observes @Priority(10) SchemaReady ready) throws SQLException {
        if (rowMacs.keyExists()) {
            return;
        }
        if (anyMacRecorded()) {
            throw new IllegalStateException("Rows of this database carry MACs, but the row MAC key file is missing from"
                    + " the data folder's keys directory: restore it from a backup of the keys folder");
        }
        Checkpoint journal = checkpoints.create(Authenticity.MAC_KEY_CREATED);
        logCheckpoints.create(Authenticity.MAC_KEY_CREATED);
        rowMacs.createKey();
        LOG.info(() -> "Rows written before the row MAC key existed are sealed: " + journal.treeSize()
                + " journal entries, covered by checkpoint " + journal.id());
    }

    private boolean anyMacRecorded() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM row_mac")) {
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
