package coop.tally.caller;

import coop.tally.approval.ApprovalJson;
import coop.tally.approval.AccountVisibility;
import coop.tally.approval.Approvals;
import jakarta.ws.rs.core.Response;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
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
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A rep asks, inside their call with the member, for the member's phone access to be unlocked after
 * a lockout, saying why; the request waits for a supervisor in the approval queue (202).
 */
@Path("members/{memberNumber}/phone-unlock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PhoneAccessResource {

    @Inject
    PhoneUnlockRequests unlocks;

    @Context
    SecurityContext security;

    @POST
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for a member's phone access to be unlocked, with a reason: 202 with the approval request")
    public Response unlock(@PathParam("memberNumber") String memberNumber, JsonObject body) {
        String reason = JsonFields.of(body).requiredString("reason", 500);
        if (reason.isBlank()) {
            throw Refusal.invalid("FIELD_REQUIRED", "Say why the phone access is unlocked.");
        }
        Approvals.View view = unlocks.request(security.getUserPrincipal().getName(), memberNumber, reason.strip());
        return Response.status(202).entity(JsonBuilders.JSON.createObjectBuilder().add("code", "OVERRIDE_REQUIRED")
                .add("approval", ApprovalJson.of(view, AccountVisibility.NO_MEMBER)).build()).build(); // an unlock carries no balances
    }
}
