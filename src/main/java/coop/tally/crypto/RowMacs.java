package coop.tally.crypto;

import coop.tally.platform.DataFolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * Binds rows to this Tally at commit: every writer of a journal entry (with its lines), a call-log
 * row or a security-log row records the row's MAC ({@link RowMac}) in table {@code row_mac}, in the
 * same transaction as the row, right after inserting it. The sealer seals only rows whose MAC
 * verifies, so a row written straight into the database is named by verification instead.
 *
 * <p>The key is not in the database: {@code <data>/keys/row-mac.key} (hex of 32 random bytes,
 * owner-only), beside the ledger signing key; every server of a cluster must share it. It is created
 * once, at start-up, by {@code coop.tally.audit.RowMacKeyStart} (after the rows written before it
 * existed were sealed and signed), never lazily by a writer.
 *
 * <p>How a writer calls it: insert the row, learn its id, then in the same transaction
 * {@code record(connection or entityManager, TABLE, id, canonical bytes)}, where the canonical bytes
 * are those the sealer hashes ({@code EntryEncoding.encode(CanonicalEntry)} for a journal entry with
 * all its lines, {@code LogEncoding.encode(...)} for a log row), built from the values exactly as
 * stored (timestamps whole microseconds).
 */
@ApplicationScoped
public class RowMacs {

    public static final String JOURNAL_ENTRY = "journal_entry";
    public static final String CALL_EVENT = "call_event";
    public static final String SECURITY_EVENT = "security_event";
    static final String FILE = "row-mac.key";
    private static final String INSERT = "INSERT INTO row_mac (row_table, row_id, mac) VALUES (?, ?, ?)";
    private static final HexFormat HEX = HexFormat.of();
    private static final Logger LOG = Logger.getLogger(RowMacs.class.getName());

    @Inject
    DataFolder dataFolder;

    private volatile byte[] key;

    /** Records the MAC of a row just inserted over JDBC, on the connection (and transaction) that inserted it. */
    public void record(Connection connection, String table, long rowId, byte[] canonical) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, table);
            insert.setLong(2, rowId);
            insert.setString(3, mac(table, canonical));
            insert.executeUpdate();
        }
    }

    /** A statement for a writer that inserts many rows in batches: see {@link #addBatch}. */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        return connection.prepareStatement(INSERT);
    }

    /**
     * Adds a row's MAC to a batch of {@link #prepare}'s statement; the writer executes the batch
     * after the batch of the rows themselves, in the same transaction.
     */
    public void addBatch(PreparedStatement macRows, String table, long rowId, byte[] canonical) throws SQLException {
        macRows.setString(1, table);
        macRows.setLong(2, rowId);
        macRows.setString(3, mac(table, canonical));
        macRows.addBatch();
    }

    /** Records the MAC of a row just persisted and flushed through JPA, in the caller's transaction. */
    public void record(EntityManager em, String table, long rowId, byte[] canonical) {
        em.createNativeQuery(INSERT)
                .setParameter(1, table)
                .setParameter(2, rowId)
                .setParameter(3, mac(table, canonical))
                .executeUpdate();
    }

    /** The row's MAC, lower-case hex. */
    public String mac(String table, byte[] canonical) {
        return HEX.formatHex(RowMac.of(key(), table, canonical));
    }

    /** Whether {@code macHex} (as stored; null when the row has none) is the row's MAC. */
    public boolean verifies(String table, byte[] canonical, String macHex) {
        if (macHex == null) {
            return false;
        }
        byte[] mac;
        try {
            mac = HEX.parseHex(macHex.strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return RowMac.verifies(key(), table, canonical, mac);
    }

    /** Whether the key file exists; before it does, no writer can record a MAC. */
    public boolean keyExists() {
        return key != null || Files.exists(file());
    }

    /** Recognises the key without revealing it: every server of one database must hold the same. */
    public String keyFingerprint() {
        return KeyFingerprint.of("row-mac", key());
    }

    /** Creates the key file unless it exists (another server may have won the race: then its key is used). */
    public void createKey() {
        byte[] fresh = new byte[RowMac.KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        try {
            if (KeyFiles.createOnce(file(), HEX.formatHex(fresh))) {
                LOG.info(() -> "Generated the row MAC key in " + file().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the row MAC key " + file(), e);
        }
    }

    private byte[] key() {
        byte[] loaded = key;
        if (loaded == null) {
            synchronized (this) {
                if (key == null) {
                    key = read();
                }
                loaded = key;
            }
        }
        return loaded;
    }

    private byte[] read() {
        Path file = file();
        if (!Files.exists(file)) {
            throw new IllegalStateException("The row MAC key " + file + " does not exist: it is created at start-up");
        }
        try {
            byte[] read = HEX.parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (read.length != RowMac.KEY_BYTES) {
                throw new IllegalStateException("The row MAC key " + file + " is damaged: " + read.length + " bytes");
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the row MAC key " + file, e);
        }
    }

    private Path file() {
        return dataFolder.keysFolder().resolve(FILE);
    }
}
