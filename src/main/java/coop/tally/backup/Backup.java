package coop.tally.backup;

import java.time.Instant;

/**
 * One finished backup, as its folder's manifest ({@code backup.json}) records it.
 *
 * @param name             the folder's name under {@code <tally.data>/backups}, the UTC time it was begun
 * @param takenBy          the ADMIN who asked for it
 * @param startedAt        when it was begun: every posting acknowledged before is in it
 * @param finishedAt       when the copy was sealed and closed
 * @param database         the database folder inside the backup folder ({@code db}), copied as it is to restore
 * @param checkpointId     the journal checkpoint signed as it began (reason BACKUP), the newest one the copy holds
 * @param treeSize         that checkpoint's tree size
 * @param rootHash         that checkpoint's root, hex
 * @param keyId            the signing key's id: the restored data folder's {@code keys/} must hold this key
 * @param sealedInCopy     leaves the copy was given for rows committed in its last second
 * @param checkpointMillis signing the checkpoint (and sealing what was committed before it)
 * @param copyMillis       Derby's online copy
 * @param sealMillis       opening the copy, sealing it and closing it
 */
public record Backup(String name, String takenBy, Instant startedAt, Instant finishedAt, String database,
                     long checkpointId, long treeSize, String rootHash, String keyId, long sealedInCopy,
                     long checkpointMillis, long copyMillis, long sealMillis) {

    public long totalMillis() {
        return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
