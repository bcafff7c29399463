package coop.tally.audit;

import coop.tally.ledger.BusinessDayOpened;
import coop.tally.platform.SchemaReady;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signs a checkpoint of the journal and one of each sealed log when a new business day is opened,
 * after that change has committed; and at start, for the business day that is open then if it has
 * none yet (a fresh Tally, whose first day was opened by its first start, or one that was down
 * when another server opened the day), after the demo data, if any, is loaded.
 */
@ApplicationScoped
public class BusinessDayCheckpoint {

    private static final Logger LOG = Logger.getLogger(BusinessDayCheckpoint.class.getName());

    @Inject
    Checkpoints checkpoints;

    @Inject
    LogCheckpoints logCheckpoints;

    void onBusinessDay(@Observes(during = TransactionPhase.AFTER_SUCCESS) BusinessDayOpened opened) {
        sign("business day " + opened.businessDate());
    }

    void onStart(@Observes @Priority(1000) SchemaReady ready) {
        try {
            if (!checkpoints.openBusinessDayIsSigned()) {
                sign("the business day open at start");
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not tell whether the open business day has its checkpoint", e);
        }
    }

    private void sign(String day) {
        try {
            Checkpoint checkpoint = checkpoints.create(Checkpoints.BUSINESS_DAY);
            LOG.info(() -> "Checkpoint " + checkpoint.id() + " at tree size " + checkpoint.treeSize() + " for " + day);
        } catch (Exception e) {
            // the day is open either way; an auditor can ask for a checkpoint on demand
            LOG.log(Level.WARNING, "Business-day checkpoint failed", e);
        }
        try {
            for (LogCheckpoint checkpoint : logCheckpoints.create(Checkpoints.BUSINESS_DAY)) {
                LOG.info(() -> checkpoint.log() + " checkpoint " + checkpoint.id() + " at tree size "
                        + checkpoint.treeSize() + " for " + day);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Business-day checkpoint of the call and security logs failed", e);
        }
    }
}
