package coop.tally.audit;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** JDBC work on another thread, its {@link SQLException} given back as itself when joined. */
final class SqlTasks {

    private SqlTasks() {
    }

    /** A JDBC task on another thread. */
    static <T> CompletableFuture<T> supplyAsync(Executor runner, SqlTask<T> task) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return task.run();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, runner);
    }

    static <T> T join(CompletableFuture<T> future) throws SQLException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    @FunctionalInterface
    interface SqlTask<T> {
        T run() throws SQLException;
    }
}
