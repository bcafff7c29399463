package coop.tally.platform;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import java.sql.SQLException;

/**
 * Whether a failure is a transaction that lost a race: a lock conflict, deadlock or lock timeout,
 * or Derby refusing an identity range at once while another transaction holds its catalog row. The
 * transaction rolled back whole, so running it again is safe, and a client may retry.
 */
public final class ConcurrencyConflicts {

    private ConcurrencyConflicts() {
    }

    /** True when the failure or one of its causes is such a conflict. */
    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isConflictItself(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The failure itself, not its causes. */
    public static boolean isConflictItself(Throwable failure) {
        if (failure instanceof OptimisticLockException || failure instanceof PessimisticLockException
                || failure instanceof LockTimeoutException) {
            return true;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            // 40001 deadlock/serialization (Derby, PostgreSQL), 40XL1/40XL2 Derby lock timeout,
            // 40P01 PostgreSQL deadlock, 55P03 PostgreSQL lock timeout (lock_timeout, see DatabaseChoice)
            String state = sql.getSQLState();
            return state.equals("40001") || state.startsWith("40XL") || state.equals("40P01") || state.equals("55P03");
        }
        return false;
    }
}
