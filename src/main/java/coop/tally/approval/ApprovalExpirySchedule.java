package coop.tally.approval;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marks approval requests nobody decided in time as EXPIRED every 30 seconds, so that the queue
 * and the history show it even when nobody looks (reading or deciding a request expires it too).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class ApprovalExpirySchedule {

    private static final Logger LOG = Logger.getLogger(ApprovalExpirySchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Approvals approvals;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = executor.scheduleWithFixedDelay(this::expireQuietly, 30, 30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void expireQuietly() {
        try {
            approvals.expireDue();
        } catch (Exception e) {
            // the next pass retries; reads and decisions expire a request on their own anyway
            LOG.log(Level.WARNING, "Approval expiry pass failed", e);
        }
    }
}
