package coop.tally.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows read on another thread come back whole and in order; a failure comes back as itself; closing early stops the reader. */
class RowFeedTest {

    private final ExecutorService runner = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        runner.shutdownNow();
    }

    @Test
    void everyRowComesBackInTheOrderRead() throws SQLException {
        int rows = RowFeed.BATCH * 20 + 7; // many full batches and a last partial one
        List<Integer> taken = new ArrayList<>();
        try (RowFeed<Integer> feed = new RowFeed<>(runner, sink -> {
            for (int i = 0; i < rows && sink.accept(i); i++) {
                // each row handed over
            }
        })) {
            for (Integer row = feed.next(); row != null; row = feed.next()) {
                taken.add(row);
            }
            assertNull(feed.next(), "the end stays the end");
        }
        assertEquals(rows, taken.size());
        for (int i = 0; i < rows; i++) {
            assertEquals(i, taken.get(i));
        }
    }

    @Test
    void noRowsIsAnEnd() throws SQLException {
        try (RowFeed<Integer> feed = new RowFeed<>(runner, sink -> {
        })) {
            assertNull(feed.next());
        }
    }

    @Test
    void aFailureOfTheReaderComesBackAfterTheRowsBeforeIt() throws SQLException {
        SQLException failure = new SQLException("scan failed");
        try (RowFeed<Integer> feed = new RowFeed<>(runner, sink -> {
            sink.accept(1);
            throw failure;
        })) {
            assertEquals(1, feed.next());
            assertSame(failure, assertThrows(SQLException.class, feed::next));
        }
        ReorderWindow.Displaced displaced = new ReorderWindow.Displaced();
        try (RowFeed<Integer> feed = new RowFeed<>(runner, sink -> {
            throw displaced;
        })) {
            assertSame(displaced, assertThrows(ReorderWindow.Displaced.class, feed::next));
        }
    }

    @Test
    void closingEarlyStopsTheReaderAndWaitsForIt() throws SQLException {
        AtomicInteger offered = new AtomicInteger();
        boolean[] stoppedByTheFeed = new boolean[1];
        RowFeed<Integer> feed = new RowFeed<>(runner, sink -> {
            for (int i = 0; i < 100_000_000; i++) {
                offered.incrementAndGet();
                if (!sink.accept(i)) {
                    stoppedByTheFeed[0] = true;
                    return;
                }
            }
        });
        assertEquals(0, feed.next());
        feed.close();
        // close() returns only once the reader has returned: nothing is offered after it
        int afterClose = offered.get();
        assertTrue(stoppedByTheFeed[0], "the reader was told to stop");
        assertTrue(afterClose < 100_000_000, "the reader stopped early, after " + afterClose + " rows");
        assertEquals(afterClose, offered.get());
    }
}
