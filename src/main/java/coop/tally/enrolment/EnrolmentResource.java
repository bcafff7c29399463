package coop.tally.enrolment;

import coop.tally.approval.AccountVisibility;
import coop.tally.approval.ApprovalJson;
import coop.tally.caller.CallService;
import coop.tally.platform.Refusal;
import coop.tally.platform.TallyClock;
import coop.tally.staff.Staff;
import coop.tally.staff.StaffDirectory;
import coop.tally.web.JsonBuilders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Enrolling a new member at the counter. */
@Path("enrolments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentResource {

    @Inject
    EnrolmentService enrolments;

    @Inject
    StaffDirectory staffDirectory;

    @Inject
    TallyClock clock;

    @Context
    SecurityContext security;

    @POST
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrol a new member in your open visit (name, dateOfBirth, ssn, address, phone, email, photo ID):"
            + " 201 with the member and their share account, or 202 when a possible sanctions match waits for a supervisor")
    public Response enrol(JsonObject body) {
        EnrolmentReader.Read read = EnrolmentReader.read(body, clock.today());
        EnrolmentService.Outcome outcome = enrolments.enrol(me(), read);
        if (outcome.member() != null) {
            return Response.status(201).entity(EnrolmentJson.of(outcome.member()).add("sessionId", read.sessionId()).build()).build();
        }
        JsonObject held = JsonBuilders.JSON.createObjectBuilder()
                .add("code", "SANCTIONS_REVIEW")
                .add("detail", "The name is a possible match on the sanctions list; the enrolment waits for a supervisor's review.")
                .add("approval", ApprovalJson.of(outcome.held(), AccountVisibility.NO_MEMBER)).build();
        return Response.status(202).entity(held).build();
    }

    private CallService.Staffer me() {
        Staff staff = staffDirectory.find(security.getUserPrincipal().getName())
                .orElseThrow(() -> Refusal.unauthenticated("Unknown staff member."));
        return new CallService.Staffer(staff.username(), staff.memberNumber());
    }
}
