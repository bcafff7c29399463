package coop.tally.platform;

import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.SQLTransactionRollbackException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A method whose own transaction lost a race runs again; inside a caller's transaction, or on any other failure, it does not. */
class ConflictRetryInterceptorTest {

    /** Derby refusing an identity range at once, as the persistence layer wraps it. */
    private static RuntimeException identityRangeRefused() {
        return new IllegalStateException("insert failed",
                new SQLTransactionRollbackException("A lock could not be obtained within the time requested", "40XL1"));
    }

    private static ConflictRetryInterceptor interceptor(int transactionStatus) {
        ConflictRetryInterceptor interceptor = new ConflictRetryInterceptor();
        interceptor.transactions = new TransactionStatus(transactionStatus);
        return interceptor;
    }

    @Test
    void a_transaction_of_its_own_that_lost_a_race_runs_again_until_it_wins() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Object answer = interceptor(Status.STATUS_NO_TRANSACTION).runAgainOnConflict(new Invocation(() -> {
            if (runs.incrementAndGet() < 3) {
                throw identityRangeRefused();
            }
            return "started";
        }));
        assertEquals("started", answer);
        assertEquals(3, runs.get());
    }

    @Test
    void a_race_lost_every_time_is_given_up_after_three_runs() {
        AtomicInteger runs = new AtomicInteger();
        SQLTransactionRollbackException deadlock = new SQLTransactionRollbackException("deadlock", "40001");
        assertSame(deadlock, assertThrows(SQLTransactionRollbackException.class, () -> interceptor(Status.STATUS_NO_TRANSACTION)
                .runAgainOnConflict(new Invocation(() -> {
                    runs.incrementAndGet();
                    throw deadlock;
                }))));
        assertEquals(RaceRetry.ATTEMPTS, runs.get());
    }

    @Test
    void inside_a_callers_transaction_nothing_runs_again() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> interceptor(Status.STATUS_ACTIVE)
                .runAgainOnConflict(new Invocation(() -> {
                    runs.incrementAndGet();
                    throw identityRangeRefused();
                })));
        assertEquals(1, runs.get());
    }

    @Test
    void any_other_failure_is_not_run_again() {
        AtomicInteger runs = new AtomicInteger();
        Refusal refused = Refusal.notFound("CALL_NOT_FOUND", "No such call.");
        assertSame(refused, assertThrows(Refusal.class, () -> interceptor(Status.STATUS_NO_TRANSACTION)
                .runAgainOnConflict(new Invocation(() -> {
                    runs.incrementAndGet();
                    throw refused;
                }))));
        assertEquals(1, runs.get());
    }

    /** Only the transaction status is asked. */
    private record TransactionStatus(int status) implements TransactionSynchronizationRegistry {
        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public Object getTransactionKey() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            throw new UnsupportedOperationException();
        }
    }

    /** Only proceed() is used: each call runs the method once more. */
    private record Invocation(Callable<Object> method) implements InvocationContext {
        @Override
        public Object proceed() throws Exception {
            return method.call();
        }

        @Override
        public Object getTarget() {
            return null;
        }

        @Override
        public Object getTimer() {
            return null;
        }

        @Override
        public Method getMethod() {
            return null;
        }

        @Override
        public Constructor<?> getConstructor() {
            return null;
        }

        @Override
        public Object[] getParameters() {
            return new Object[0];
        }

        @Override
        public void setParameters(Object[] params) {
        }

        @Override
        public Map<String, Object> getContextData() {
            return Map.of();
        }
    }
}
