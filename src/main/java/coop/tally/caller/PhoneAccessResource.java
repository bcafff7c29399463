package coop.tally.caller;

import coop.tally.staff.SecurityLog;
import coop.tally.web.ApiProblem;
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

/** A supervisor unlocks a member's phone access after a lockout, saying why. */
@Path("members/{memberNumber}/phone-unlock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PhoneAccessResource {

    @Inject
    CallService calls;

    @Inject
    SecurityLog securityLog;

    @Context
    SecurityContext security;

    @POST
    @RolesAllowed("SUPERVISOR")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unlock a member's phone access with a reason")
    public JsonObject unlock(@PathParam("memberNumber") String memberNumber, JsonObject body) {
        String reason = JsonFields.of(body).requiredString("reason", 500);
        if (reason.isBlank()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "Say why the phone access is unlocked.");
        }
        String supervisor = security.getUserPrincipal().getName();
        calls.unlock(supervisor, memberNumber, reason.strip());
        securityLog.record("PHONE_ACCESS_UNLOCKED", supervisor, memberNumber, reason.strip());
        return JsonBuilders.JSON.createObjectBuilder().add("memberNumber", memberNumber).add("locked", false).build();
    }
}
