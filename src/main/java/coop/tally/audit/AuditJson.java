package coop.tally.audit;

import coop.tally.ledger.CanonicalEntry;
import coop.tally.ledger.CanonicalLine;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import static coop.tally.web.JsonBuilders.JSON;

/** JSON shapes shared by the audit API and the export (the offline verifier reads the same names). */
final class AuditJson {

    private AuditJson() {
    }

    static JsonObjectBuilder checkpoint(Checkpoint checkpoint) {
        return JSON.createObjectBuilder()
                .add("id", checkpoint.id())
                .add("treeSize", checkpoint.treeSize())
                .add("rootHash", checkpoint.rootHash())
                .add("createdAt", checkpoint.createdAt().toString())
                .add("reason", checkpoint.reason())
                .add("keyId", checkpoint.keyId())
                .add("signature", checkpoint.signature());
    }

    static JsonObjectBuilder logCheckpoint(LogCheckpoint checkpoint) {
        return JSON.createObjectBuilder()
                .add("log", checkpoint.log())
                .add("id", checkpoint.id())
                .add("treeSize", checkpoint.treeSize())
                .add("rootHash", checkpoint.rootHash())
                .add("createdAt", checkpoint.createdAt().toString())
                .add("reason", checkpoint.reason())
                .add("keyId", checkpoint.keyId())
                .add("signature", checkpoint.signature());
    }

    static JsonObjectBuilder publicKey(SigningKey key) {
        return JSON.createObjectBuilder()
                .add("algorithm", "Ed25519")
                .add("keyId", key.keyId())
                .add("publicKey", Hex.of(key.publicKey()));
    }

    /** Every field that is hashed, under the names the offline verifier reads. */
    static JsonObjectBuilder entry(CanonicalEntry entry) {
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        for (CanonicalLine line : entry.lines()) {
            lines.add(JSON.createObjectBuilder()
                    .add("lineNo", line.lineNumber())
                    .add("kind", line.account().isMember() ? "M" : "G")
                    .add("account", line.account().id())
                    .add("side", line.side().name().substring(0, 1))
                    .add("amount", line.amount().toPlainString()));
        }
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("entryId", entry.entryId())
                .add("entryType", entry.type().name())
                .add("businessDate", entry.businessDate().toString())
                .add("postedAt", entry.postedAt().toString())
                .add("postedBy", entry.staffUsername());
        optional(json, "sessionId", entry.sessionId());
        optional(json, "approvalId", entry.approvalId());
        if (entry.approvedBy() != null) {
            // only present on entries of encoding version 2, so older exports read the same
            json.add("approvedBy", entry.approvedBy());
        }
        optional(json, "idempotencyKey", entry.idempotencyKey());
        optional(json, "memo", entry.memo());
        optional(json, "reversesEntryId", entry.reversesEntryId());
        optional(json, "reasonCode", entry.reasonCode());
        return json.add("lines", lines);
    }

    /** Absent values are JSON null (not left out), so that absent and empty stay distinct as in the hash. */
    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static void optional(JsonObjectBuilder json, String name, Long value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
