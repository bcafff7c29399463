package coop.tally.audit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a sealer's next scan of one stream starts. Rows are taken in id order, but an id is assigned
 * before its transaction commits, so a smaller id can become visible after a larger one was sealed:
 * each pass therefore starts at the high-water mark of {@link #RECHECK} ago rather than the current
 * one, and seals whatever it had not seen yet above it.
 *
 * <p>What the high-water mark counts is the stream's {@link SealedStream#floorPassesLeftOut()}: the
 * largest id sealed, or the largest id scanned whether sealed or left out.
 */
final class ScanFloor {

    static final Duration RECHECK = Duration.ofSeconds(10);

    private final boolean passesLeftOut;
    /** (System.nanoTime() at the end of a pass, high-water mark then), oldest first. */
    private final Deque<long[]> marks = new ArrayDeque<>();
    private long floor;
    private long highWater;

    ScanFloor(boolean passesLeftOut) {
        this.passesLeftOut = passesLeftOut;
    }

    /** The floor of the pass about to start: the newest mark older than {@link #RECHECK}. */
    long rise() {
        long cutoff = System.nanoTime() - RECHECK.toNanos();
        while (!marks.isEmpty() && marks.peekFirst()[0] < cutoff) {
            floor = Math.max(floor, marks.removeFirst()[1]);
        }
        return floor;
    }

    /** A row was given a leaf (counted as it is added, before its batch is written). */
    void sealed(long id) {
        if (!passesLeftOut) {
            highWater = Math.max(highWater, id);
        }
    }

    /**
     * Rows up to {@code id} were sealed before this sealer's first pass (before a start, or by
     * another server): the high-water mark starts there, as if this sealer had sealed them, so that
     * the floor rises past them {@link #RECHECK} after the first pass. Otherwise a sealer that finds
     * nothing new to seal would scan the whole stream on every pass.
     */
    void sealedEarlier(long id) {
        highWater = Math.max(highWater, id);
    }

    /** A batch was written; {@code largestFound} is the largest unsealed id it scanned. */
    void scanned(long largestFound) {
        if (passesLeftOut) {
            highWater = Math.max(highWater, largestFound);
        }
    }

    /**
     * Where the next batch of the same pass starts after a full one. When left-out rows are passed,
     * the high-water mark is the largest id ever scanned and the pass goes on above it; otherwise it
     * counts sealed ids only, which may lie below the batch, and the pass goes on above the batch.
     */
    long continueFrom(long scanFrom, long largestFound) {
        return Math.max(scanFrom, passesLeftOut ? highWater : largestFound);
    }

    /** The pass committed: its high-water mark becomes a floor once it is older than {@link #RECHECK}. */
    void passDone() {
        marks.addLast(new long[]{System.nanoTime(), Math.max(highWater, floor)});
    }
}
