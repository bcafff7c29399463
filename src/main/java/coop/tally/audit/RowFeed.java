package coop.tally.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Rows read on another thread and handed over in batches, in the order read: verification reads
 * the journal's lines on a connection and thread of their own while it reads the entries, so that
 * the two scans, most of its time, run side by side. A few batches are in flight at most, so memory
 * stays flat. The reading thread stops when the consumer closes the feed early.
 *
 * @param <T> a row
 */
final class RowFeed<T> implements AutoCloseable {

    /** Reads rows in order, handing each to {@code sink}; returns when the rows are exhausted. */
    @FunctionalInterface
    interface Source<T> {
        void readInto(Sink<T> sink) throws SQLException;
    }

    /** Takes the rows of a {@link Source}; false when the consumer has gone and reading should stop. */
    @FunctionalInterface
    interface Sink<T> {
        boolean accept(T row);
    }

    static final int BATCH = 1_024;
    private static final int BATCHES_IN_FLIGHT = 8;

    /** The end of the rows, or the failure that ended them. */
    private record End(Throwable failure) {
    }

    private final BlockingQueue<Object> handedOver = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private final CompletableFuture<Void> reader;
    private volatile boolean closed;
    private List<T> current = List.of();
    private int position;
    private boolean ended;

    RowFeed(Executor runner, Source<T> source) {
        this.reader = CompletableFuture.runAsync(() -> read(source), runner);
    }

    private void read(Source<T> source) {
        Throwable failure = null;
        Batches batches = new Batches();
        try {
            source.readInto(batches);
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
        }
        // the rows read before a failure are handed over before it
        batches.flush();
        handOver(new End(failure));
    }

    /** Gathers rows into batches and hands each over as it fills. */
    private final class Batches implements Sink<T> {

        private List<T> batch = new ArrayList<>(BATCH);

        @Override
        public boolean accept(T row) {
            batch.add(row);
            if (batch.size() < BATCH) {
                return true;
            }
            List<T> full = batch;
            batch = new ArrayList<>(BATCH);
            return handOver(full);
        }

        void flush() {
            if (!batch.isEmpty()) {
                handOver(batch);
            }
        }
    }

    /** Puts one batch (or the end) in the queue, waiting while it is full; false once the feed is closed. */
    private boolean handOver(Object item) {
        try {
            while (!closed) {
                if (handedOver.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The next row, or null after the last; a failure of the reading thread is thrown here as itself. */
    @SuppressWarnings("unchecked")
    T next() throws SQLException {
        while (position == current.size()) {
            if (ended) {
                return null;
            }
            Object item = take();
            if (item instanceof End end) {
                ended = true;
                rethrow(end.failure());
                return null;
            }
            current = (List<T>) item;
            position = 0;
        }
        return current.get(position++);
    }

    private Object take() throws SQLException {
        try {
            return handedOver.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for rows read on another thread", e);
        }
    }

    private static void rethrow(Throwable failure) throws SQLException {
        if (failure instanceof SQLException sql) {
            throw sql;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
    }

    /** Stops the reading thread and waits for it, so that its connection is free again when this returns. */
    @Override
    public void close() {
        closed = true;
        handedOver.clear();
        reader.join();
    }
}
