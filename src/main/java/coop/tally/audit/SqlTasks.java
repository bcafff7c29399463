package coop.tally.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /**
     * Whether the row of {@code table} with this id exists once the transaction writing it, if any,
     * has ended: a lookup by primary key at READ COMMITTED waits for the writer's lock while holding
     * no other lock, so it cannot deadlock with the writer. Afterwards the row, and whatever its
     * transaction wrote with it, can be read without locks as committed. Verification reads without
     * locks and uses this for the few rows that looked wrong: a transaction still under way can be
     * caught half-written.
     */
    static boolean settled(Connection connection, String table, long id) throws SQLException {
        return atIsolation(connection, Connection.TRANSACTION_READ_COMMITTED, () -> {
            try (PreparedStatement lookup = connection.prepareStatement("SELECT id FROM " + table + " WHERE id = ?")) {
                lookup.setLong(1, id);
                try (ResultSet row = lookup.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** Runs {@code task} with the connection at {@code isolation}, and leaves the connection's isolation as it came. */
    static <T> T atIsolation(Connection connection, int isolation, SqlTask<T> task) throws SQLException {
        int before = connection.getTransactionIsolation();
        connection.setTransactionIsolation(isolation);
        try {
            return task.run();
        } finally {
            connection.setTransactionIsolation(before);
        }
    }

    @FunctionalInterface
    interface SqlTask<T> {
        T run() throws SQLException;
    }
}
