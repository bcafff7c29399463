package coop.tally.audit;

import coop.tally.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads when the entries posted in a window were sealed, straight over JDBC (a window may hold many thousands). */
@ApplicationScoped
public class SealingLags {

    /** The most entries one answer looks at: a longer window is asked for in pieces. */
    public static final int MAX_ENTRIES = 200_000;

    private static final String POSTED_AND_SEALED = """
            SELECT e.posted_at, l.sealed_at
              FROM journal_entry e LEFT JOIN merkle_leaf l ON l.entry_id = e.id
             WHERE e.posted_at >= ? AND e.posted_at < ?""";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /** The lag of the entries posted from {@code from} (inclusive) to {@code until} (exclusive), as seen at {@code now}; empty when more than {@link #MAX_ENTRIES}. */
    public Optional<SealingLag> postedBetween(Instant from, Instant until, Instant now) throws SQLException {
        List<Long> lags = new ArrayList<>();
        List<Long> unsealedAges = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(POSTED_AND_SEALED)) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(until));
            query.setFetchSize(2_000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (lags.size() + unsealedAges.size() >= MAX_ENTRIES) {
                        return Optional.empty();
                    }
                    Instant posted = rows.getTimestamp(1).toInstant();
                    Timestamp sealed = rows.getTimestamp(2);
                    if (sealed == null) {
                        unsealedAges.add(Math.max(0, Duration.between(posted, now).toMillis()));
                    } else {
                        lags.add(Math.max(0, Duration.between(posted, sealed.toInstant()).toMillis()));
                    }
                }
            }
        }
        return Optional.of(SealingLag.of(lags, unsealedAges));
    }
}
