package coop.tally.audit;

import coop.tally.staff.SecurityLog;
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
 * Runs the sealer of the journal and that of the call and security logs five times a second (a fixed delay, so passes never overlap) once the schema is
 * migrated, and makes the signing key exist from the first start.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class SealerSchedule {

    private static final Logger LOG = Logger.getLogger(SealerSchedule.class.getName());
    private static final long PASS_DELAY_MILLIS = 200;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Sealer sealer;

    @Inject
    LogSealer logSealer;

    @Inject
    SigningKey key;

    @Inject
    SecurityLog securityLog;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        LOG.info(() -> "Ledger checkpoints are signed with Ed25519 key " + key.keyId());
        // before the first pass: what it seals may have waited for it since this server (or the last one) stopped
        securityLog.record(SealerStarts.EVENT, "system", "sealer", "sealing resumes; entries committed while no sealer ran are sealed now");
        // a posting waits for its leaf at most a pass and this delay: under load a pass takes some hundreds
        // of milliseconds, and an idle pass costs a few indexed reads
        task = executor.scheduleWithFixedDelay(this::sealQuietly, 1000, PASS_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void sealQuietly() {
        try {
            sealer.sealPending();
        } catch (Exception e) {
            // the next pass retries; a gap that lasts is what verification reports
            LOG.log(Level.WARNING, "Sealing pass failed", e);
        }
        try {
            logSealer.sealPending();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Sealing pass of the call and security logs failed", e);
        }
    }
}
