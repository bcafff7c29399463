package coop.tally.backup;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;

import static coop.tally.web.JsonBuilders.JSON;

/**
 * A backup in JSON: the manifest in its folder and the answers about it are the same object, so that
 * what an operator reads from the API is what the folder says of itself.
 */
final class BackupJson {

    private BackupJson() {
    }

    static JsonObjectBuilder of(Backup backup) {
        return JSON.createObjectBuilder()
                .add("name", backup.name())
                .add("folder", BackupFolders.FOLDER + "/" + backup.name())
                .add("database", backup.database())
                .add("takenBy", backup.takenBy())
                .add("startedAt", backup.startedAt().toString())
                .add("finishedAt", backup.finishedAt().toString())
                .add("checkpoint", JSON.createObjectBuilder()
                        .add("id", backup.checkpointId())
                        .add("treeSize", backup.treeSize())
                        .add("rootHash", backup.rootHash())
                        .add("keyId", backup.keyId()))
                .add("sealedInCopy", backup.sealedInCopy())
                .add("timings", JSON.createObjectBuilder()
                        .add("checkpointMillis", backup.checkpointMillis())
                        .add("copyMillis", backup.copyMillis())
                        .add("sealMillis", backup.sealMillis())
                        .add("totalMillis", backup.totalMillis()));
    }

    /** A folder as listed: the manifest's fields when it has one, with its size and whether it is complete. */
    static JsonObjectBuilder of(BackupFolder folder) {
        JsonObjectBuilder json = folder.backup().map(BackupJson::of)
                .orElseGet(() -> JSON.createObjectBuilder().add("name", folder.name())
                        .add("folder", BackupFolders.FOLDER + "/" + folder.name()));
        return json.add("complete", folder.complete()).add("sizeBytes", folder.sizeBytes());
    }

    static Backup read(JsonObject json) {
        JsonObject checkpoint = json.getJsonObject("checkpoint");
        JsonObject timings = json.getJsonObject("timings");
        return new Backup(json.getString("name"), json.getString("takenBy"), Instant.parse(json.getString("startedAt")),
                Instant.parse(json.getString("finishedAt")), json.getString("database"),
                checkpoint.getJsonNumber("id").longValue(), checkpoint.getJsonNumber("treeSize").longValue(),
                checkpoint.getString("rootHash"), checkpoint.getString("keyId"),
                json.getJsonNumber("sealedInCopy").longValue(), timings.getJsonNumber("checkpointMillis").longValue(),
                timings.getJsonNumber("copyMillis").longValue(), timings.getJsonNumber("sealMillis").longValue());
    }
}
