package coop.tally.platform;

import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A half-open window of time, [from, to): an event at {@code from} is in it, one at {@code to} is in
 * the next, so consecutive windows (a month, the next month) never count an event twice.
 *
 * <p>For the read-only native queries that select the events of a window: they compare a timestamp
 * column with two positional parameters, {@code col >= ? AND col < ?}, which {@link #select} binds
 * and runs, handing each row to a mapping that reads it through {@link Row}. Instants are bound as
 * SQL timestamps; the server runs in UTC, as the stored values are.
 */
public record TimeWindow(Instant from, Instant to) {

    /**
     * Binds {@code from} to the positional parameter {@code fromParameter} and {@code to} to the one
     * after it, runs the query and maps each row.
     */
    public <T> List<T> select(Query nativeQuery, int fromParameter, Function<Row, T> mapping) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nativeQuery
                .setParameter(fromParameter, Timestamp.from(from))
                .setParameter(fromParameter + 1, Timestamp.from(to))
                .getResultList();
        return rows.stream().map(Row::new).map(mapping).toList();
    }

    /** One row of a native query, its columns read by index from 0, as the database driver returns them. */
    public record Row(Object[] columns) {

        /** A number column (an id) as a long. */
        public long number(int index) {
            return ((Number) columns[index]).longValue();
        }

        public String text(int index) {
            return (String) columns[index];
        }

        /** A timestamp column that always holds a value. */
        public Instant instant(int index) {
            return ((Timestamp) columns[index]).toInstant();
        }

        /** A timestamp column that may be null, as null. */
        public Instant instantOrNull(int index) {
            return columns[index] == null ? null : instant(index);
        }
    }
}
