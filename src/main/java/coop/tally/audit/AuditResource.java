package coop.tally.audit;

import coop.tally.platform.Dates;
import coop.tally.staff.SecurityLog;
import coop.tally.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import coop.tally.caller.CallEvent;
import coop.tally.ledger.JournalEntry;
import coop.tally.posting.PostingResults;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import static coop.tally.web.JsonBuilders.JSON;

/** The auditor's view of the ledger's integrity: key, checkpoints, verification, replay, proofs, export. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("AUDITOR")
public class AuditResource {

    /** Longest export range in one request; a longer trail is exported in pieces. */
    private static final int MAX_EXPORT_DAYS = 366;

    @Inject
    SigningKey key;

    @Inject
    Checkpoints checkpoints;

    @Inject
    LogCheckpoints logCheckpoints;

    @Inject
    Verification verification;

    @Inject
    Replay replay;

    @Inject
    InclusionProofs proofs;

    @Inject
    TreeProofs treeProofs;

    @Inject
    Export export;

    @Inject
    SecurityLog securityLog;

    @Inject
    AuditTrail trail;

    @Inject
    PostingResults results;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    @Path("public-key")
    @Operation(summary = "The Ed25519 public key that signs the ledger's checkpoints")
    public JsonObject publicKey() {
        return AuditJson.publicKey(key).build();
    }

    @POST
    @Path("checkpoints")
    @Operation(summary = "Seal everything committed and sign a checkpoint of the journal tree and of each log tree now")
    public Response createCheckpoint() throws SQLException {
        Checkpoint checkpoint = checkpoints.create(Checkpoints.ON_DEMAND);
        List<LogCheckpoint> logs = logCheckpoints.create(Checkpoints.ON_DEMAND);
        StringBuilder detail = new StringBuilder("tree size " + checkpoint.treeSize());
        logs.forEach(log -> detail.append("; ").append(log.log()).append(" checkpoint ").append(log.id())
                .append(" at tree size ").append(log.treeSize()));
        securityLog.record("AUDIT_CHECKPOINT", auditor(), "checkpoint " + checkpoint.id(), detail.toString());
        JsonArrayBuilder logJson = JSON.createArrayBuilder();
        logs.forEach(log -> logJson.add(AuditJson.logCheckpoint(log)));
        return Response.status(Response.Status.CREATED)
                .entity(AuditJson.checkpoint(checkpoint).add("logCheckpoints", logJson).build()).build();
    }

    @GET
    @Path("checkpoints")
    @Operation(summary = "Every checkpoint of the journal and, apart, of the call and security logs, oldest first")
    public JsonObject listCheckpoints() throws SQLException {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        checkpoints.all().forEach(checkpoint -> list.add(AuditJson.checkpoint(checkpoint)));
        JsonArrayBuilder logs = JSON.createArrayBuilder();
        logCheckpoints.all().forEach(checkpoint -> logs.add(AuditJson.logCheckpoint(checkpoint)));
        return JSON.createObjectBuilder().add("checkpoints", list).add("logCheckpoints", logs).build();
    }

    @POST
    @Path("verify")
    @Operation(summary = "Recompute every leaf and root from the journal and check every checkpoint")
    public JsonObject verify() throws SQLException {
        long started = System.nanoTime();
        Verification.Report report = verification.verify();
        long millis = (System.nanoTime() - started) / 1_000_000;
        securityLog.record("AUDIT_VERIFY", auditor(), null, (report.ok() ? "ok" : report.problems().size() + " problems")
                + ", " + report.leavesChecked() + " leaves, " + millis + " ms");
        JsonArrayBuilder problems = JSON.createArrayBuilder();
        report.problems().forEach(problem -> problems.add(problem(problem)));
        JsonArrayBuilder logs = JSON.createArrayBuilder();
        report.logs().forEach(log -> logs.add(JSON.createObjectBuilder().add("log", log.log())
                .add("rowsChecked", log.rowsChecked()).add("leavesChecked", log.leavesChecked())
                .add("checkpointsChecked", log.checkpointsChecked()).add("root", log.root())));
        return JSON.createObjectBuilder()
                .add("ok", report.ok())
                .add("entriesChecked", report.entriesChecked())
                .add("leavesChecked", report.leavesChecked())
                .add("checkpointsChecked", report.checkpointsChecked())
                .add("logs", logs)
                .add("problems", problems)
                .add("problemsTruncated", report.truncated())
                .add("millis", millis)
                .build();
    }

    @POST
    @Path("replay")
    @Operation(summary = "Recompute every balance from the journal lines and list differences from the stored ones")
    public JsonObject replay() throws SQLException {
        long started = System.nanoTime();
        Replay.Report report = replay.replay();
        long millis = (System.nanoTime() - started) / 1_000_000;
        securityLog.record("AUDIT_REPLAY", auditor(), null, (report.ok() ? "ok" : "differences")
                + ", " + report.members().accountsChecked() + " accounts, " + millis + " ms");
        JsonArrayBuilder differences = JSON.createArrayBuilder();
        report.members().balanceMismatches().forEach(mismatch -> differences.add(JSON.createObjectBuilder()
                .add("account", mismatch.accountNumber())
                .add("storedLedgerBalance", mismatch.storedLedger().toPlainString())
                .add("ledgerBalanceFromLines", mismatch.fromLines().toPlainString())
                .add("storedAvailableBalance", mismatch.storedAvailable().toPlainString())
                .add("expectedAvailableBalance", mismatch.expectedAvailable().toPlainString())));
        JsonArrayBuilder unbalanced = JSON.createArrayBuilder();
        report.members().unbalancedEntries().forEach(entry -> unbalanced.add(JSON.createObjectBuilder()
                .add("entryId", entry.entryId())
                .add("debits", entry.debits().toPlainString())
                .add("credits", entry.credits().toPlainString())
                .add("lines", entry.lines())));
        JsonArrayBuilder gl = JSON.createArrayBuilder();
        report.glBalances().forEach(balance -> gl.add(JSON.createObjectBuilder()
                .add("code", balance.code())
                .add("normalSide", balance.normalSide())
                .add("debits", balance.debits().toPlainString())
                .add("credits", balance.credits().toPlainString())
                .add("balance", balance.balance().toPlainString())));
        return JSON.createObjectBuilder()
                .add("ok", report.ok())
                .add("entriesChecked", report.members().entriesChecked())
                .add("memberAccountsChecked", report.members().accountsChecked())
                .add("balanceDifferences", differences)
                .add("unbalancedEntries", unbalanced)
                .add("glBalances", gl)
                .add("totalDebits", report.totalDebits().toPlainString())
                .add("totalCredits", report.totalCredits().toPlainString())
                .add("millis", millis)
                .build();
    }

    @GET
    @Path("accounts/{account}/balance")
    @Operation(summary = "One member account's (by number) or GL account's (by code) balance from the lines as of a time")
    public JsonObject balanceAsOf(@PathParam("account") String account, @QueryParam("at") String at) throws SQLException {
        Instant instant = at == null || at.isBlank() ? Instant.now() : parseInstant(at);
        Replay.AsOf balance = replay.balanceAsOf(account, instant).orElseThrow(() ->
                Refusal.notFound("ACCOUNT_NOT_FOUND", "No member account or GL account " + account + "."));
        securityLog.record("AUDIT_BALANCE_AS_OF", auditor(), account, "as of " + instant);
        return JSON.createObjectBuilder()
                .add("account", balance.account())
                .add("kind", balance.kind())
                .add("at", balance.at().toString())
                .add("balance", balance.balance().toPlainString())
                .build();
    }

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

    @GET
    @Path("export")
    @Produces("application/x-ndjson")
    @Operation(summary = "The signed trail of a range of business dates as JSON Lines, verifiable offline")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = parseDate("from", from);
        LocalDate last = parseDate("to", to);
        if (last.isBefore(first)) {
            throw Refusal.invalid("DATE_RANGE_INVALID", "to must not be before from.");
        }
        if (first.plusDays(MAX_EXPORT_DAYS).isBefore(last)) {
            throw Refusal.invalid("DATE_RANGE_TOO_LONG", "Export at most " + MAX_EXPORT_DAYS + " days at a time.");
        }
        securityLog.record("AUDIT_EXPORT", auditor(), null, "business dates " + first + " to " + last);
        StreamingOutput body = out -> {
            try {
                export.write(first, last, out);
            } catch (SQLException e) {
                throw new java.io.IOException("Export failed", e);
            }
        };
        return Response.ok(body, "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"tally-export-" + first + "-" + last + ".jsonl\"")
                .build();
    }

    @GET
    @Path("trail")
    @Operation(summary = "Journal entries by member, account, staff, call, type, line amount and business dates; newest first")
    public JsonObject trail() {
        TrailQuery query = TrailQuery.parse(uri.getQueryParameters());
        List<JournalEntry> entries = trail.search(query.filter(), query.page(), query.size());
        securityLog.record("AUDIT_TRAIL_READ", auditor(), subjectOf(query.filter()), query.describe());
        JsonArrayBuilder items = JSON.createArrayBuilder();
        entries.forEach(entry -> items.add(results.entry(entry)));
        return JSON.createObjectBuilder()
                .add("items", items)
                .add("page", query.page())
                .add("size", query.size())
                .build();
    }

    @GET
    @Path("calls/{callId}/trail")
    @Operation(summary = "One call's events and the entries posted in it, in time order")
    public JsonObject callTrail(@PathParam("callId") String callId) {
        if (callId.length() > 40) {
            throw Refusal.notFound("CALL_NOT_FOUND", "No call " + callId + ".");
        }
        List<AuditTrail.TrailItem> items = trail.callTrail(callId).orElseThrow(() ->
                Refusal.notFound("CALL_NOT_FOUND", "No call " + callId + "."));
        long entries = items.stream().filter(item -> item.entry() != null).count();
        securityLog.record("AUDIT_TRAIL_READ", auditor(), "call " + callId,
                "call trail: " + (items.size() - entries) + " events, " + entries + " entries");
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (AuditTrail.TrailItem item : items) {
            if (item.event() != null) {
                array.add(callEvent(item.event()));
            } else {
                array.add(JSON.createObjectBuilder()
                        .add("kind", "ENTRY")
                        .add("at", item.at().toString())
                        .add("entry", results.entry(item.entry())));
            }
        }
        return JSON.createObjectBuilder().add("callId", callId).add("items", array).build();
    }

    private static JsonObjectBuilder callEvent(CallEvent event) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("kind", "EVENT")
                .add("at", event.occurredAt().toString())
                .add("id", event.id())
                .add("staff", event.staff())
                .add("type", event.type().name());
        if (event.memberNumber() != null) {
            json.add("memberNumber", event.memberNumber());
        }
        if (event.factor() != null) {
            json.add("factor", event.factor().name());
        }
        if (event.outcome() != null) {
            json.add("outcome", event.outcome().name());
        }
        if (event.detail() != null) {
            json.add("detail", event.detail());
        }
        return json;
    }

    /** What the search is about, for the security log's subject: the member, account, staff or call searched for. */
    private static String subjectOf(AuditTrail.Filter filter) {
        if (filter.member() != null) {
            return "member " + filter.member();
        }
        if (filter.account() != null) {
            return "account " + filter.account();
        }
        if (filter.staff() != null) {
            return filter.staff();
        }
        if (filter.call() != null) {
            return "call " + filter.call();
        }
        return null;
    }

    private static JsonObjectBuilder problem(Problem problem) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("kind", problem.kind());
        if (problem.entryId() != null) {
            json.add("entryId", problem.entryId());
        }
        if (problem.leafIndex() != null) {
            json.add("leafIndex", problem.leafIndex());
        }
        if (problem.checkpoint() != null) {
            json.add("checkpoint", problem.checkpoint());
        }
        if (problem.log() != null) {
            json.add("log", problem.log());
        }
        if (problem.rowId() != null) {
            json.add("rowId", problem.rowId());
        }
        return json.add("detail", problem.detail());
    }

    private String auditor() {
        return security.getUserPrincipal().getName();
    }

    private static LocalDate parseDate(String name, String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("FIELD_REQUIRED", name + " is required, as yyyy-MM-dd.");
        }
        return Dates.parse(name, value);
    }

    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("TIMESTAMP_INVALID", "at must be an ISO-8601 instant, e.g. 2025-03-14T15:00:00Z.");
        }
    }
}
