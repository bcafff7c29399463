package coop.tally.approval;

import coop.tally.staff.BearerTokenMechanism;
import coop.tally.staff.SignedInStaff;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;
import java.util.Set;

/**
 * The approval queue. Supervisors list pending requests (oldest first) and approve or deny them
 * with a reason; the maker reads their own requests (to see the outcome) and may cancel one that
 * is pending. No endpoint edits or deletes a request: each act appends an event.
 */
@Path("approvals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    private static final Set<String> DECISION_FIELDS = Set.of("reason");

    @Inject
    Approvals approvals;

    @Inject
    AccountVisibility visibility;

    @Inject
    ApprovalMembers members;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @GET
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
    @Operation(summary = "Approval requests, oldest first (status=PENDING for the queue; sessionId=... for one call's); a rep sees their own")
    public JsonObject list(@QueryParam("status") String status, @QueryParam("sessionId") String sessionId,
                           @QueryParam("limit") Integer limit) {
        ApprovalStatus wanted = null;
        if (status != null) {
            try {
                wanted = ApprovalStatus.valueOf(status);
            } catch (IllegalArgumentException unknown) {
                throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "status is one of PENDING, APPROVED, DENIED, EXPIRED, CANCELLED.",
                        Map.of("field", "status"));
            }
        }
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 500) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "limit is 1..500.", Map.of("field", "limit"));
        }
        if (sessionId != null && (sessionId.isBlank() || sessionId.length() > 64)) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "sessionId is a call's or visit's id.", Map.of("field", "sessionId"));
        }
        // least privilege: a rep lists their own requests only, also of a call
        String maker = seesAll() ? null : me().username();
        var items = JsonBuilders.JSON.createArrayBuilder();
        approvals.list(wanted, maker, sessionId, size).forEach(view -> items.add(json(view)));
        return JsonBuilders.JSON.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
    @Operation(summary = "One request with its appended events and, once decided, its outcome")
    public JsonObject one(@PathParam("id") long id) {
        Approvals.View view = approvals.find(id)
                .filter(found -> seesAll() || found.request().requestedBy().equals(me().username()))
                .orElseThrow(() -> Refusal.notFound("APPROVAL_NOT_FOUND", "No approval request with that id."));
        return json(view).build();
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed("SUPERVISOR")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve with a reason: the request is re-checked and carried out once, as its maker")
    public Response approve(@PathParam("id") long id, JsonObject body) {
        String reason = reason(body);
        SignedInStaff me = me();
        return answer(approvals.approve(id, new Approvals.Decider(me.username(), me.memberNumber()), reason));
    }

    @POST
    @Path("{id}/deny")
    @RolesAllowed("SUPERVISOR")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deny with a reason: nothing is carried out")
    public Response deny(@PathParam("id") long id, JsonObject body) {
        String reason = reason(body);
        SignedInStaff me = me();
        return answer(approvals.deny(id, new Approvals.Decider(me.username(), me.memberNumber()), reason));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The maker withdraws their pending request")
    public Response cancel(@PathParam("id") long id, JsonObject body) {
        String reason = body == null || !body.containsKey("reason") ? null : reason(body);
        return answer(approvals.cancel(id, me().username(), reason));
    }

    private Response answer(Approvals.Decided decided) {
        if (decided.problem() != null) {
            throw decided.problem();
        }
        Response.ResponseBuilder response = Response.ok(json(decided.view()).build());
        if (decided.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    private static String reason(JsonObject body) {
        if (body == null) {
            throw Refusal.invalid("FIELD_REQUIRED", "Say why.");
        }
        for (String name : body.keySet()) {
            if (!DECISION_FIELDS.contains(name)) {
                throw new Refusal(Refusal.Kind.INVALID, "FIELD_UNKNOWN", "Only 'reason' is accepted.", Map.of("field", name.length() > 40 ? name.substring(0, 40) : name));
            }
        }
        String reason = JsonFields.of(body).requiredString("reason", 500);
        if (reason.isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_REQUIRED", "Say why.", Map.of("field", "reason"));
        }
        return reason.strip();
    }

    private jakarta.json.JsonObjectBuilder json(Approvals.View view) {
        return ApprovalJson.of(view, viewerOf(view), members);
    }

    /** A rep (the maker) sees the request as the member it is for; supervisors and auditors see all of it. */
    private AccountVisibility.Shown viewerOf(Approvals.View view) {
        return visibility.shownTo(seesAll(), view.request().memberNumber());
    }

    private boolean seesAll() {
        return security.isUserInRole("SUPERVISOR") || security.isUserInRole("AUDITOR");
    }

    private SignedInStaff me() {
        return BearerTokenMechanism.signedInStaff(http).orElseThrow(() -> Refusal.unauthenticated("Sign in first."));
    }
}
