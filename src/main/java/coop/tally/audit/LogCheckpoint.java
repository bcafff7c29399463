package coop.tally.audit;

import coop.tally.crypto.LogEncoding;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed tree head of a sealed log (call_event or security_event). Signed with the ledger's
 * Ed25519 key, like a journal {@link Checkpoint}, but over a text of its own format that names the
 * log: a journal checkpoint never verifies as a log checkpoint, nor one log's as the other's.
 *
 * @param log       the log's name, {@link LogEncoding#CALL_EVENT} or {@link LogEncoding#SECURITY_EVENT}
 * @param id        the checkpoint's row id (log_checkpoint)
 * @param treeSize  number of leaves of the log covered
 * @param rootHash  MTH of those leaves, hex
 * @param createdAt when it was made, whole microseconds
 * @param reason    ON_DEMAND, BUSINESS_DAY, MAC_KEY_CREATED or BACKUP
 * @param keyId     id of the signing key
 * @param signature Ed25519 signature, hex
 */
public record LogCheckpoint(String log, long id, long treeSize, String rootHash, Instant createdAt, String reason,
                            String keyId, String signature) {

    /** Version line of the signed text; differs from the journal's, and a change of format needs a new one. */
    static final String FORMAT = "tally-log-checkpoint-v1";

    /** "tally-log-checkpoint-v1\n&lt;log&gt;\n&lt;size&gt;\n&lt;root hex&gt;\n&lt;ISO-8601 instant&gt;\n&lt;reason&gt;\n" in UTF-8. */
    static byte[] signedText(String log, long treeSize, String rootHash, Instant createdAt, String reason) {
        return (FORMAT + "\n" + log + "\n" + treeSize + "\n" + rootHash + "\n" + createdAt + "\n" + reason + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    byte[] signedText() {
        return signedText(log, treeSize, rootHash, createdAt, reason);
    }
}
