package coop.tally.audit;

import coop.tally.caller.CallEvent;
import coop.tally.caller.CallJson;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.JournalEntry;
import coop.tally.platform.Refusal;
import coop.tally.posting.PostingResults;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

import static coop.tally.web.JsonBuilders.JSON;

/** The auditor's search of the journal, and one call's whole story; every read is on the security log. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("AUDITOR")
public class AuditTrailResource {

    @Inject
    AuditTrail trail;

    @Inject
    PostingResults results;

    @Inject
    SecurityLog securityLog;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

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
    @Path("trail.csv")
    @Produces("text/csv")
    @Operation(summary = "The same search as CSV, one row per journal line, every matching entry (at most 10,000)")
    public Response trailCsv() {
        TrailQuery query = TrailQuery.parse(uri.getQueryParameters());
        List<JournalEntry> entries = trail.search(query.filter(), 0, TrailCsv.MAX_ENTRIES + 1);
        if (entries.size() > TrailCsv.MAX_ENTRIES) {
            throw Refusal.byRules("TRAIL_CSV_TOO_LARGE", "More than " + TrailCsv.MAX_ENTRIES
                    + " entries match; narrow the filters (e.g. business dates) and download again.");
        }
        securityLog.record("AUDIT_TRAIL_EXPORTED", auditor(), subjectOf(query.filter()),
                query.describe() + " as CSV: " + entries.size() + " entries");
        return Response.ok(TrailCsv.of(entries))
                .header("Content-Disposition", "attachment; filename=\"tally-trail.csv\"")
                .build();
    }

    @GET
    @Path("entry-types")
    @Operation(summary = "Every type a journal entry can have, for the trail's type filter")
    public JsonObject entryTypes() {
        JsonArrayBuilder types = JSON.createArrayBuilder();
        for (EntryType type : EntryType.values()) {
            types.add(type.name());
        }
        return JSON.createObjectBuilder().add("entryTypes", types).build();
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
        JsonObjectBuilder json = CallJson.event(event).add("kind", "EVENT");
        if (event.memberNumber() != null) {
            json.add("memberNumber", event.memberNumber());
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

    private String auditor() {
        return security.getUserPrincipal().getName();
    }
}
