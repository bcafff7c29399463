package coop.tally.staff;

import coop.tally.platform.TallyClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who is signed in. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"REP", "SUPERVISOR", "AUDITOR", "ADMIN"})
public class MeResource {

    @Inject
    StaffDirectory directory;

    @Inject
    TallyClock clock;

    @Context
    SecurityContext security;

    @GET
    @Transactional
    @Operation(summary = "The signed-in staff member, their roles, and the credit union's time zone")
    public JsonObject me() {
        Staff staff = directory.find(security.getUserPrincipal().getName()).orElseThrow();
        // the console shows every time in the credit union's zone, whatever the browser's zone is
        return StaffJson.of(staff).add("zone", clock.zone().getId()).build();
    }
}
