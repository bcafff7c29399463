package coop.tally.platform;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits for JDBC writers that run side by side (the demo members and their opening entries, each
 * loaded by one connection per processor).
 */
public final class ParallelWriters {

    private ParallelWriters() {
    }

    /**
     * Waits for every writer, even after one failed, so that none is still writing when the caller
     * goes on; then throws the first failure, an {@link SQLException} as itself.
     */
    public static void awaitAll(List<? extends Future<?>> writers, String what) throws SQLException, InterruptedException {
        Throwable failure = null;
        for (Future<?> writer : writers) {
            try {
                writer.get();
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
        }
        if (failure instanceof SQLException sql) {
            throw sql;
        }
        if (failure != null) {
            throw new IllegalStateException(what + " failed", failure);
        }
    }
}
