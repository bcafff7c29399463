package coop.tally.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs a {@link RetriedOnConflict} method again when its transaction lost a race. It sits outside
 * the transaction interceptor (a lower priority than its {@code PLATFORM_BEFORE + 200}), so each run
 * is a transaction of its own, begun and rolled back by the transaction interceptor.
 */
@RetriedOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConflictRetryInterceptor {

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object runAgainOnConflict(InvocationContext invocation) throws Exception {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return invocation.proceed(); // the caller's transaction: the caller decides
        }
        return RaceRetry.run(invocation::proceed, ConcurrencyConflicts::isConflict);
    }
}
