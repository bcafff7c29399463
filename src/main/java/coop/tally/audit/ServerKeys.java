package coop.tally.audit;

import coop.tally.crypto.FieldCipher;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Keeps every server of one database on the same keys. The keys live outside the database (the
 * keys folder, {@code tally.keys}); the database records a fingerprint of each the first time a
 * server runs with it. A server holding another key refuses to start: with another row MAC key or
 * signing key it would write rows and checkpoints that verification later reports as forged, and
 * with another field key it could not read what the others encrypted.
 * <p>
 * Two steps of the start-up (which servers take one at a time): before anything is written, the
 * keys already recorded are compared; after the row MAC key exists, the rest are recorded.
 */
@ApplicationScoped
public class ServerKeys {

    private static final Logger LOG = Logger.getLogger(ServerKeys.class.getName());

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    SigningKey signingKey;

    @Inject
    RowMacs rowMacs;

    @Inject
    FieldCipher fieldCipher;

    void compareBeforeWriting(@Observes @Priority(5) SchemaReady ready) throws SQLException {
        Map<String, String> recorded = recorded();
        Map<String, Supplier<String>> held = new LinkedHashMap<>();
        held.put("ledger-signing", signingKey::keyFingerprint);
        held.put("field", fieldCipher::keyFingerprint);
        if (rowMacs.keyExists()) {
            held.put("row-mac", rowMacs::keyFingerprint);
        }
        held.forEach((name, fingerprint) -> {
            if (recorded.containsKey(name)) {
                requireSame(name, recorded.get(name), fingerprint.get());
            }
        });
    }

    void recordAfterCreation(@Observes @Priority(15) SchemaReady ready) throws SQLException {
        Map<String, String> recorded = recorded();
        Map<String, String> held = Map.of("ledger-signing", signingKey.keyFingerprint(),
                "field", fieldCipher.keyFingerprint(), "row-mac", rowMacs.keyFingerprint());
        for (Map.Entry<String, String> key : held.entrySet()) {
            if (recorded.containsKey(key.getKey())) {
                requireSame(key.getKey(), recorded.get(key.getKey()), key.getValue());
            } else {
                record(key.getKey(), key.getValue());
                LOG.info(() -> "Recorded the fingerprint of the " + key.getKey() + " key: every server of this database must hold it");
            }
        }
    }

    private void requireSame(String name, String recorded, String held) {
        if (!recorded.equals(held)) {
            throw new IllegalStateException("This server's " + name + " key is not the one this database was written with:"
                    + " every Tally server of one database needs the same keys folder (tally.keys). Copy the keys folder of a"
                    + " server already running on this database, or restore it from the backup of the keys.");
        }
    }

    private Map<String, String> recorded() throws SQLException {
        Map<String, String> recorded = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT key_name, fingerprint FROM key_fingerprint");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                recorded.put(rows.getString(1), rows.getString(2).strip());
            }
        }
        return recorded;
    }

    private void record(String name, String fingerprint) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO key_fingerprint (key_name, fingerprint, recorded_at) VALUES (?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, fingerprint);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
