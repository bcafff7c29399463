package coop.tally.audit;

import java.time.Instant;

/**
 * What every signed checkpoint holds, whichever tree it is of: {@link CheckpointWriter} makes it and
 * the tree's {@link SealedStream} stores it and turns it into its own checkpoint record.
 *
 * @param treeSize  number of leaves covered
 * @param rootHash  MTH of those leaves, hex
 * @param createdAt when it was made, whole microseconds
 * @param reason    why it was made (ON_DEMAND, BUSINESS_DAY, ...)
 * @param keyId     id of the signing key
 * @param signature Ed25519 signature over the stream's signed text, hex
 */
record SignedHead(long treeSize, String rootHash, Instant createdAt, String reason, String keyId, String signature) {
}
