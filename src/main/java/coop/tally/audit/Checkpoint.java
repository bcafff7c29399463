package coop.tally.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed tree head. The signature is Ed25519 over {@link #signedText()}, a small text that the
 * offline verifier rebuilds from the same fields.
 *
 * @param id        the checkpoint's row id
 * @param treeSize  number of leaves covered
 * @param rootHash  MTH of those leaves, hex
 * @param createdAt when it was made, whole microseconds
 * @param reason    ON_DEMAND, BUSINESS_DAY, MAC_KEY_CREATED or BACKUP
 * @param keyId     id of the signing key ({@link SigningKey#keyIdOf})
 * @param signature Ed25519 signature, hex
 */
public record Checkpoint(long id, long treeSize, String rootHash, Instant createdAt, String reason, String keyId,
                         String signature) {

    /** Version line of the signed text; a change of its format needs a new one. */
    static final String FORMAT = "tally-checkpoint-v1";

    /** "tally-checkpoint-v1\n&lt;size&gt;\n&lt;root hex&gt;\n&lt;ISO-8601 instant&gt;\n&lt;reason&gt;\n" in UTF-8. */
    static byte[] signedText(long treeSize, String rootHash, Instant createdAt, String reason) {
        return (FORMAT + "\n" + treeSize + "\n" + rootHash + "\n" + createdAt + "\n" + reason + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    byte[] signedText() {
        return signedText(treeSize, rootHash, createdAt, reason);
    }
}
