package coop.tally.platform;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Runs a whole transaction again when it lost a race: the loser rolled back completely, so running
 * it again is safe. Each retry waits a few milliseconds first, a random and growing while: a race
 * lost now is usually lost again at once (Derby refuses an identity range at once while another
 * transaction holds its catalog row), and the winner needs a moment to commit.
 */
public final class RaceRetry {

    /** Runs of one transaction at most. */
    public static final int ATTEMPTS = 3;
    /** The longest pause before the second run; the third waits up to twice as long. */
    static final long PAUSE_MILLIS = 20;

    private RaceRetry() {
    }

    /** One run of the transaction. */
    @FunctionalInterface
    public interface Run<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code transaction} until it succeeds, fails otherwise than {@code raceLost} says, or has
     * run {@value #ATTEMPTS} times; the last failure is thrown as it came.
     */
    public static <T, E extends Exception> T run(Run<T, E> transaction, Predicate<Throwable> raceLost) throws E {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.run();
            } catch (Exception failure) {
                if (!raceLost.test(failure) || attempt >= ATTEMPTS || !pause(attempt)) {
                    throw failure;
                }
            }
        }
    }

    /** Waits before run {@code attempt + 1}; false when interrupted (the request is being abandoned). */
    private static boolean pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, PAUSE_MILLIS + 1) * attempt);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
