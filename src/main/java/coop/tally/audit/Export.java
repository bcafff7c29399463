package coop.tally.audit;

import coop.tally.platform.SchemaMigration;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static coop.tally.web.JsonBuilders.JSON;

/**
 * The signed trail as JSON Lines, for verification on a machine with only a JDK
 * ({@code src/main/verifier/TallyVerify.java}). One object a line, each with a {@code type}:
 * <ol>
 *   <li>{@code header}: format, date range, the public key;</li>
 *   <li>{@code checkpoint}: every checkpoint, oldest first;</li>
 *   <li>{@code leaf}: every leaf hash up to the newest checkpoint's size (the root cannot be
 *       recomputed from fewer), as index and hash only;</li>
 *   <li>{@code log-checkpoint}: every checkpoint of the call-log and security-log trees, oldest first;</li>
 *   <li>{@code log-leaf}: per log, every leaf up to its newest checkpoint's size: index, row id, hash,
 *       and {@code row}, the row's hashed columns, when the row occurred on one of the dates asked for
 *       (in the credit union's zone), or {@code null} when the sealed row is no longer in the log;</li>
 *   <li>{@code entry}: the entries of the business dates asked for, with their lines and leaf index
 *       (null when not yet sealed).</li>
 * </ol>
 * Written straight from JDBC rows as they are read: memory stays flat whatever the range.
 */
@ApplicationScoped
public class Export {

    /** v2 added the log checkpoints and log leaves; the offline verifier reads v1 too. */
    static final String FORMAT = "tally-export-v2";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    SigningKey key;

    @Inject
    TallyClock clock;

    public void write(LocalDate from, LocalDate to, OutputStream stream) throws SQLException, IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        try (Connection connection = dataSource.getConnection()) {
            line(out, AuditJson.publicKey(key).add("type", "header").add("format", FORMAT)
                    .add("from", from.toString()).add("to", to.toString()).build());
            List<Checkpoint> checkpoints = Checkpoints.all(connection);
            long covered = 0;
            for (Checkpoint checkpoint : checkpoints) {
                line(out, AuditJson.checkpoint(checkpoint).add("type", "checkpoint").build());
                covered = Math.max(covered, checkpoint.treeSize());
            }
            try {
                LeafHashes.forEach(connection, covered, leaf -> line(out, JSON.createObjectBuilder()
                        .add("type", "leaf").add("leafIndex", leaf.index()).add("leafHash", leaf.hash()).build()));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writeLogs(connection, from, to, out);
            writeEntries(connection, from, to, out);
        }
        out.flush();
    }

    private void writeLogs(Connection connection, LocalDate from, LocalDate to, Writer out) throws SQLException {
        List<LogCheckpoint> checkpoints = LogCheckpoints.all(connection);
        for (LogCheckpoint checkpoint : checkpoints) {
            line(out, AuditJson.logCheckpoint(checkpoint).add("type", "log-checkpoint").build());
        }
        ZoneId zone = clock.zone();
        for (SealedLog log : SealedLog.values()) {
            long covered = LogCheckpoints.of(checkpoints, log.logName).stream()
                    .mapToLong(LogCheckpoint::treeSize).max().orElse(0);
            String columns = Arrays.stream(log.columns.split(",")).map(c -> "e." + c.trim())
                    .collect(Collectors.joining(", "));
            try (PreparedStatement query = connection.prepareStatement("SELECT l.leaf_index, l.row_id, l.leaf_hash, "
                    + columns + " FROM log_leaf l LEFT JOIN " + log.logName + " e ON e.id = l.row_id"
                    + " WHERE l.log_name = ? AND l.leaf_index < ? ORDER BY l.leaf_index")) {
                query.setString(1, log.logName);
                query.setLong(2, covered);
                query.setFetchSize(1_000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        JsonObjectBuilder json = JSON.createObjectBuilder().add("type", "log-leaf").add("log", log.logName)
                                .add("leafIndex", rows.getLong(1)).add("rowId", rows.getLong(2))
                                .add("leafHash", rows.getString(3).trim());
                        if (rows.getObject(4) == null) {
                            json.addNull("row");
                        } else {
                            Timestamp occurred = rows.getTimestamp(log == SealedLog.CALL_EVENT ? 6 : 5);
                            LocalDate date = occurred == null ? null : LocalDate.ofInstant(occurred.toInstant(), zone);
                            if (date == null || (!date.isBefore(from) && !date.isAfter(to))) {
                                json.add("row", log.json(rows, 3));
                            }
                        }
                        line(out, json.build());
                    }
                }
            }
        }
    }

    private static void writeEntries(Connection connection, LocalDate from, LocalDate to, Writer out)
            throws SQLException, IOException {
        long[] ids = idRange(connection, from, to);
        if (ids == null) {
            return;
        }
        for (long start = ids[0]; start <= ids[1]; start += JournalRows.BATCH) {
            long end = Math.min(ids[1], start + JournalRows.BATCH - 1);
            Map<Long, Long> leafIndexes = leafIndexes(connection, start, end);
            for (StoredEntry entry : JournalRows.read(connection, start, end)) {
                if (entry.canonicalBytes() == null) {
                    line(out, JSON.createObjectBuilder().add("type", "entry").add("entryId", entry.entryId())
                            .add("unreadable", String.valueOf(entry.whyUnreadable())).build());
                    continue;
                }
                LocalDate date = entry.canonical().businessDate();
                if (date.isBefore(from) || date.isAfter(to)) {
                    continue;
                }
                var json = AuditJson.entry(entry.canonical()).add("type", "entry");
                Long leafIndex = leafIndexes.get(entry.entryId());
                if (leafIndex == null) {
                    json.addNull("leafIndex");
                } else {
                    json.add("leafIndex", leafIndex);
                }
                line(out, json.build());
            }
        }
    }

    private static long[] idRange(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT MIN(id), MAX(id) FROM journal_entry WHERE business_date >= ? AND business_date <= ?")) {
            query.setDate(1, Date.valueOf(from));
            query.setDate(2, Date.valueOf(to));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                Long min = rows.getObject(1, Long.class);
                return min == null ? null : new long[]{min, rows.getLong(2)};
            }
        }
    }

    private static Map<Long, Long> leafIndexes(Connection connection, long fromId, long toId) throws SQLException {
        Map<Long, Long> indexes = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT entry_id, leaf_index FROM merkle_leaf WHERE entry_id >= ? AND entry_id <= ?")) {
            query.setLong(1, fromId);
            query.setLong(2, toId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    indexes.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return indexes;
    }

    private static void line(Writer out, JsonObject json) {
        try {
            out.write(json.toString());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
