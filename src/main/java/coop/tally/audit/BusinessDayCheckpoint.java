package coop.tally.audit;

import coop.tally.ledger.BusinessDayOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signs a checkpoint of the journal and one of each sealed log when a new business day is opened,
 * after that change has committed.
 */
@ApplicationScoped
public class BusinessDayCheckpoint {

    private static final Logger LOG = Logger.getLogger(BusinessDayCheckpoint.class.getName());

    @Inject
    Checkpoints checkpoints;

    @Inject
    LogCheckpoints logCheckpoints;

    void onBusinessDay(@Observes(during = TransactionPhase.AFTER_SUCCESS) BusinessDayOpened opened) {
        try {
            Checkpoint checkpoint = checkpoints.create(Checkpoints.BUSINESS_DAY);
            LOG.info(() -> "Checkpoint " + checkpoint.id() + " at tree size " + checkpoint.treeSize()
                    + " for business day " + opened.businessDate());
        } catch (Exception e) {
            // the day is open either way; an auditor can ask for a checkpoint on demand
            LOG.log(Level.WARNING, "Business-day checkpoint failed", e);
        }
        try {
            for (LogCheckpoint checkpoint : logCheckpoints.create(Checkpoints.BUSINESS_DAY)) {
                LOG.info(() -> checkpoint.log() + " checkpoint " + checkpoint.id() + " at tree size "
                        + checkpoint.treeSize() + " for business day " + opened.businessDate());
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Business-day checkpoint of the call and security logs failed", e);
        }
    }
}
