package coop.tally.platform;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The clause that takes a row's write lock in native SQL, on the database Tally runs on.
 *
 * <p>Tally's row locks serialize work on a row; none changes the row's key. On Derby,
 * {@code FOR UPDATE} takes an update lock that still lets another transaction insert a row whose
 * foreign key names the locked one. On PostgreSQL, {@code FOR UPDATE} would block exactly that
 * (the foreign key check takes {@code FOR KEY SHARE}); {@code FOR NO KEY UPDATE} is the same
 * promise as Derby's. It matters where a transaction holds a lock while a transaction of its own
 * writes rows that refer to the locked one: an approval executed under its request's lock.
 */
@ApplicationScoped
public class RowLocks {

    private final String clause = " " + forUpdateClause(DatabaseChoice.configured().kind());

    static String forUpdateClause(DatabaseChoice.Kind kind) {
        return switch (kind) {
            // as EclipseLink locks for PESSIMISTIC_WRITE on Derby: WITH RS keeps the lock to the end of the transaction
            case DERBY -> "FOR UPDATE WITH RS";
            case POSTGRESQL -> "FOR NO KEY UPDATE";
        };
    }

    /** {@code SELECT ...} of one table's row by id with its write lock, e.g. {@code selectById("approval_request")}. */
    public String selectById(String table) {
        return "SELECT id FROM " + table + " WHERE id = ?" + clause;
    }
}
