package coop.tally.audit;

import coop.tally.platform.Refusal;
import coop.tally.staff.SecurityLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.SQLException;
import java.util.List;

import static coop.tally.web.JsonBuilders.JSON;

/**
 * RFC 9162 proofs for the auditor: that an entry or a log row is in a signed tree, and that one
 * signed tree is a prefix of a later one. Each proof asked for is on the security log.
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("AUDITOR")
public class AuditProofResource {

    @Inject
    Checkpoints checkpoints;

    @Inject
    LogCheckpoints logCheckpoints;

    @Inject
    InclusionProofs proofs;

    @Inject
    TreeProofs treeProofs;

    @Inject
    SecurityLog securityLog;

    @Context
    SecurityContext security;

    @GET
    @Path("entries/{id}/inclusion")
    @Operation(summary = "RFC 9162 inclusion proof of one entry against a checkpoint (default: the newest)")
    public JsonObject inclusion(@PathParam("id") long entryId, @QueryParam("checkpoint") Long checkpointId)
            throws SQLException {
        List<Checkpoint> all = checkpoints.all();
        Checkpoint checkpoint = checkpointId == null
                ? (all.isEmpty() ? null : all.get(all.size() - 1))
                : all.stream().filter(c -> c.id() == checkpointId).findFirst().orElse(null);
        if (checkpoint == null) {
            throw Refusal.notFound("CHECKPOINT_NOT_FOUND", checkpointId == null
                    ? "There is no checkpoint yet." : "No checkpoint " + checkpointId + ".");
        }
        InclusionProofs.Proof proof;
        try {
            proof = proofs.prove(entryId, checkpoint);
        } catch (InclusionProofs.Unavailable e) {
            throw e.outcome() == InclusionProofs.Outcome.NO_LEAF
                    ? Refusal.notFound("ENTRY_NOT_SEALED", e.getMessage())
                    : Refusal.byRules("ENTRY_NOT_IN_CHECKPOINT", e.getMessage());
        }
        securityLog.record("AUDIT_INCLUSION_PROOF", auditor(), "entry " + entryId, "checkpoint " + checkpoint.id());
        JsonArrayBuilder path = JSON.createArrayBuilder();
        proof.path().forEach(path::add);
        return JSON.createObjectBuilder()
                .add("entryId", proof.entryId())
                .add("leafIndex", proof.leafIndex())
                .add("leafHash", proof.leafHash())
                .add("treeSize", checkpoint.treeSize())
                .add("rootHash", checkpoint.rootHash())
                .add("checkpoint", AuditJson.checkpoint(checkpoint))
                .add("path", path)
                .add("verified", proof.verified())
                .build();
    }

    @GET
    @Path("consistency")
    @Operation(summary = "RFC 9162 consistency proof between two checkpoints of one tree (journal, call_event or security_event)")
    public JsonObject consistency(@QueryParam("tree") String tree, @QueryParam("first") String first,
                                  @QueryParam("second") String second) throws SQLException {
        String name = tree == null || tree.isBlank() ? TreeLeaves.JOURNAL : tree;
        if (!TreeLeaves.known(name)) {
            throw Refusal.invalid("TREE_UNKNOWN", "tree must be journal, call_event or security_event.");
        }
        if (first == null || first.isBlank()) {
            throw Refusal.invalid("FIELD_REQUIRED", "first is required: the id of the older checkpoint.");
        }
        List<TreeProofs.Head> heads = heads(name);
        TreeProofs.Head older = head(heads, name, parseId("first", first));
        TreeProofs.Head newer = second == null || second.isBlank()
                ? heads.get(heads.size() - 1) : head(heads, name, parseId("second", second));
        if (older.treeSize() > newer.treeSize()) {
            throw Refusal.byRules("CHECKPOINT_ORDER_INVALID", "Checkpoint " + older.checkpointId() + " covers "
                    + older.treeSize() + " leaves, more than checkpoint " + newer.checkpointId() + " (" + newer.treeSize()
                    + "): give the older one as first.");
        }
        TreeProofs.Consistency proof;
        try {
            proof = treeProofs.consistency(name, older, newer);
        } catch (TreeProofs.LeavesMissing e) {
            throw Refusal.byRules("TREE_LEAVES_MISSING", e.getMessage());
        }
        securityLog.record("AUDIT_CONSISTENCY_PROOF", auditor(), name, "checkpoints " + older.checkpointId() + " and "
                + newer.checkpointId());
        JsonArrayBuilder path = JSON.createArrayBuilder();
        proof.path().forEach(path::add);
        return JSON.createObjectBuilder()
                .add("tree", name)
                .add("first", head(proof.first()))
                .add("second", head(proof.second()))
                .add("path", path)
                .add("verified", proof.verified())
                .build();
    }

    @GET
    @Path("logs/{log}/rows/{rowId}/inclusion")
    @Operation(summary = "RFC 9162 inclusion proof of one call_event or security_event row against a checkpoint of its log (default: the newest)")
    public JsonObject logInclusion(@PathParam("log") String log, @PathParam("rowId") long rowId,
                                   @QueryParam("checkpoint") String checkpointId) throws SQLException {
        SealedLog sealed = TreeLeaves.log(log);
        if (sealed == null) {
            throw Refusal.notFound("TREE_UNKNOWN", "No log " + log + ": call_event or security_event.");
        }
        List<TreeProofs.Head> heads = heads(log);
        TreeProofs.Head checkpoint = checkpointId == null || checkpointId.isBlank()
                ? heads.get(heads.size() - 1) : head(heads, log, parseId("checkpoint", checkpointId));
        TreeProofs.LogInclusion proof = treeProofs.inclusion(sealed, rowId, checkpoint);
        if (proof == null) {
            throw Refusal.notFound("ROW_NOT_IN_CHECKPOINT", log + " row " + rowId + " has no leaf within checkpoint "
                    + checkpoint.checkpointId() + " (" + checkpoint.treeSize() + " leaves).");
        }
        securityLog.record("AUDIT_INCLUSION_PROOF", auditor(), log + " row " + rowId, "checkpoint " + checkpoint.checkpointId());
        JsonArrayBuilder path = JSON.createArrayBuilder();
        proof.path().forEach(path::add);
        return JSON.createObjectBuilder()
                .add("log", log)
                .add("rowId", rowId)
                .add("leafIndex", proof.leafIndex())
                .add("leafHash", proof.leafHash())
                .add("checkpoint", head(checkpoint))
                .add("path", path)
                .add("verified", proof.verified())
                .build();
    }

    /** The signed tree heads of one tree, oldest first; a 404 problem when it has none yet. */
    private List<TreeProofs.Head> heads(String tree) throws SQLException {
        List<TreeProofs.Head> heads = TreeLeaves.JOURNAL.equals(tree)
                ? checkpoints.all().stream().map(c -> new TreeProofs.Head(c.id(), c.treeSize(), c.rootHash())).toList()
                : LogCheckpoints.of(logCheckpoints.all(), tree).stream()
                        .map(c -> new TreeProofs.Head(c.id(), c.treeSize(), c.rootHash())).toList();
        if (heads.isEmpty()) {
            throw Refusal.notFound("CHECKPOINT_NOT_FOUND", "The " + tree + " tree has no checkpoint yet.");
        }
        return heads;
    }

    private static TreeProofs.Head head(List<TreeProofs.Head> heads, String tree, long id) {
        return heads.stream().filter(h -> h.checkpointId() == id).findFirst().orElseThrow(() ->
                Refusal.notFound("CHECKPOINT_NOT_FOUND", "No checkpoint " + id + " of the " + tree + " tree."));
    }

    private static JsonObjectBuilder head(TreeProofs.Head head) {
        return JSON.createObjectBuilder().add("checkpoint", head.checkpointId()).add("treeSize", head.treeSize())
                .add("rootHash", head.rootHash());
    }

    private static long parseId(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Refusal.invalid("FIELD_INVALID", name + " must be a checkpoint id.");
        }
    }

    private String auditor() {
        return security.getUserPrincipal().getName();
    }
}
