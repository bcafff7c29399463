package coop.tally.caller;

import coop.tally.platform.Dates;
import coop.tally.staff.Staff;
import coop.tally.staff.StaffDirectory;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The counter: a rep starts a visit and verifies the member by a government photo ID. Everything
 * else about a visit (identify the member, notes, end, the log) goes through {@code /api/calls/{id}},
 * as a visit is a member session like a call.
 */
@Path("visits")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VisitResource {

    private static final Set<String> PHOTO_ID_FIELDS = Set.of("type", "last4", "expires", "inMembersName");

    @Inject
    CallService calls;

    @Inject
    CallerVerification verification;

    @Inject
    StaffDirectory staffDirectory;

    @Context
    SecurityContext security;

    @POST
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "Start a visit at the counter (channel BRANCH); one open call or visit per staff member")
    public Response start() {
        MemberCall visit = calls.startVisit(me());
        return Response.status(201).entity(show(visit.id())).build();
    }

    @POST
    @Path("{id}/photo-id")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the photo ID inspected (type, last4, expires, inMembersName); an unexpired ID in the member's name gives STRONG")
    public JsonObject photoId(@PathParam("id") String id, JsonObject body) {
        JsonFields fields = JsonFields.of(body);
        for (String field : body.keySet()) {
            if (!PHOTO_ID_FIELDS.contains(field)) {
                throw new Refusal(Refusal.Kind.INVALID, "FIELD_UNKNOWN", "Unknown field '" + clip(field) + "'.", Map.of("field", clip(field)));
            }
        }
        PhotoIdType type = fields.requiredEnum("type", PhotoIdType.class);
        String last4 = fields.requiredString("last4", 40);
        if (!PhotoId.validLastFour(last4)) {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "Record exactly the last four letters or digits of the ID number, never more.",
                    Map.of("field", "last4"));
        }
        LocalDate expires = Dates.parse("expires", fields.requiredString("expires", 10));
        if (!body.containsKey("inMembersName")) {
            throw JsonFields.missing("inMembersName");
        }
        boolean inMembersName = fields.optionalBoolean("inMembersName", false);
        PhotoIdCheck.Outcome outcome = verification.checkPhotoId(me(), id, new PhotoId(type, last4, expires), inMembersName);
        // the inspection is logged and committed before the refusal is answered
        switch (outcome) {
            case EXPIRED -> throw new Refusal(Refusal.Kind.RULES, "PHOTO_ID_EXPIRED",
                    "The ID expired on " + expires + "; ask for an unexpired government photo ID.", Map.of("expires", expires.toString()));
            case NAME_MISMATCH -> throw new Refusal(Refusal.Kind.RULES, "PHOTO_ID_NAME_MISMATCH",
                    "The ID must be in the member's name.");
            default -> {
                return show(id);
            }
        }
    }

    private JsonObject show(String id) {
        return CallJson.call(calls.view(username(), security.isUserInRole("SUPERVISOR"), id));
    }

    private static String clip(String field) {
        return field.length() > 40 ? field.substring(0, 40) : field;
    }

    private String username() {
        return security.getUserPrincipal().getName();
    }

    private CallService.Staffer me() {
        Staff staff = staffDirectory.find(username())
                .orElseThrow(() -> Refusal.unauthenticated("Unknown staff member."));
        return new CallService.Staffer(staff.username(), staff.memberNumber());
    }
}
