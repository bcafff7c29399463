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
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import static coop.tally.web.JsonBuilders.JSON;

/** The auditor's view of the ledger's integrity: key, checkpoints, verification, replay, balances as of a time, export.
 * Proofs: {@link AuditProofResource}; trails: {@link AuditTrailResource}. */
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
    Export export;

    @Inject
    SecurityLog securityLog;

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
