package coop.tally.backup;

import coop.tally.audit.Checkpoint;
import coop.tally.audit.Checkpoints;
import coop.tally.audit.CopySealer;
import coop.tally.audit.LogCheckpoints;
import coop.tally.audit.SigningKey;
import coop.tally.platform.DerbyBackup;
import coop.tally.platform.Refusal;
import coop.tally.platform.TallyClock;
import coop.tally.staff.SecurityLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Takes a backup while Tally runs, in three steps:
 * <ol>
 *   <li>a signed checkpoint of the journal and of both logs (reason BACKUP), which first seals
 *       everything committed: every posting acknowledged before the backup began is covered by a
 *       signature the backup itself holds, and a restored copy can be proved a prefix of the live
 *       ledger from it;</li>
 *   <li>Derby's online copy of the database (postings go on meanwhile);</li>
 *   <li>sealing the copy ({@link CopySealer}): it holds what was committed in its last second, which
 *       the live sealers had not reached, and sealed only when restored that would be named as
 *       sealed late.</li>
 * </ol>
 * Then the manifest, written last, marks the folder as a finished backup, and the security log says
 * who took it. No transaction spans the backup: each step commits on its own, and a copy runs for as
 * long as the database is large. One backup at a time.
 */
@ApplicationScoped
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class.getName());

    @Inject
    DerbyBackup derby;

    @Inject
    BackupFolders folders;

    @Inject
    Checkpoints checkpoints;

    @Inject
    LogCheckpoints logCheckpoints;

    @Inject
    CopySealer copySealer;

    @Inject
    SigningKey key;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    private final ReentrantLock running = new ReentrantLock();

    /** Takes a backup now, as {@code actor}; refused on a database Tally does not back up, or while another runs. */
    public Backup take(String actor) throws SQLException {
        Optional<String> unavailable = derby.unavailable();
        if (unavailable.isPresent()) {
            throw Refusal.conflict("BACKUP_NOT_AVAILABLE", unavailable.get());
        }
        if (!running.tryLock()) {
            throw Refusal.conflict("BACKUP_RUNNING", "A backup is being taken; ask again when it is done.");
        }
        try {
            return takeOne(actor);
        } finally {
            running.unlock();
        }
    }

    public List<BackupFolder> list() {
        return folders.list();
    }

    public BackupFolder find(String name) {
        return folders.find(name).orElseThrow(() -> Refusal.notFound("BACKUP_NOT_FOUND", "There is no backup of that name."));
    }

    private Backup takeOne(String actor) throws SQLException {
        Instant startedAt = clock.now();
        String name = folders.newName(startedAt);
        Path folder = folders.folder(name);
        try {
            long began = System.nanoTime();
            Checkpoint checkpoint = checkpoints.create(Checkpoints.BACKUP);
            logCheckpoints.create(Checkpoints.BACKUP);
            long signed = System.nanoTime();
            Path copy = derby.copyInto(folder);
            long copied = System.nanoTime();
            int sealed = derby.inCopy(copy, copySealer::sealAll);
            long closed = System.nanoTime();
            Backup backup = new Backup(name, actor, startedAt, clock.now(), copy.getFileName().toString(),
                    checkpoint.id(), checkpoint.treeSize(), checkpoint.rootHash(), key.keyId(), sealed,
                    millis(began, signed), millis(signed, copied), millis(copied, closed));
            folders.writeManifest(folder, backup);
            securityLog.record("BACKUP_TAKEN", actor, name, "checkpoint " + checkpoint.id() + " at tree size "
                    + checkpoint.treeSize() + "; " + sealed + " leaves sealed in the copy; " + backup.totalMillis() + " ms");
            LOG.info(() -> "Backup " + name + " taken in " + backup.totalMillis() + " ms (copy " + backup.copyMillis()
                    + " ms), checkpoint " + checkpoint.id() + " at tree size " + checkpoint.treeSize());
            return backup;
        } catch (SQLException | RuntimeException e) {
            // the folder stays, without a manifest: listed as unfinished, never taken for a backup
            securityLog.record("BACKUP_FAILED", actor, name, e.getClass().getSimpleName());
            throw e;
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
