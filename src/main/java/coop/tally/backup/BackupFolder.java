package coop.tally.backup;

import java.util.Optional;

/**
 * A folder under {@code <tally.data>/backups}: a finished backup has its manifest; one without is
 * still being made, or failed, and is not to be restored.
 */
public record BackupFolder(String name, long sizeBytes, Optional<Backup> backup) {

    public boolean complete() {
        return backup.isPresent();
    }
}
