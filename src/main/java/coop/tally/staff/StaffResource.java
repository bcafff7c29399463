package coop.tally.staff;

import coop.tally.web.JsonBuilders;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.EnumSet;
import java.util.Set;

/** Staff account administration (ADMIN only). */
@Path("staff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class StaffResource {

    @Inject
    StaffAdministration administration;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "All staff accounts")
    public JsonArray list() {
        var array = JsonBuilders.JSON.createArrayBuilder();
        administration.all().forEach(staff -> array.add(StaffJson.of(staff)));
        return array.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a staff account")
    public Response create(JsonObject body) {
        JsonFields fields = JsonFields.of(body);
        String username = fields.requiredString("username", 40);
        String displayName = fields.requiredString("displayName", 100);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : fields.requiredStrings("roles", 4, 20)) {
            try {
                roles.add(Role.valueOf(role));
            } catch (IllegalArgumentException unknown) {
                throw new Refusal(Refusal.Kind.INVALID, "ROLE_UNKNOWN", "Unknown role '" + role + "'.");
            }
        }
        String password = fields.requiredString("password", 200);
        Staff staff = administration.create(admin(), username, displayName, roles, password);
        return Response.status(201).entity(StaffJson.of(staff).build()).build();
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reset a staff member's password; clears a lockout and ends their sessions")
    public JsonObject resetPassword(@PathParam("username") String username, JsonObject body) {
        String password = JsonFields.of(body).requiredString("password", 200);
        return StaffJson.of(administration.resetPassword(admin(), username, password)).build();
    }

    @POST
    @Path("{username}/disable")
    @Operation(summary = "Disable a staff account and end its sessions")
    public JsonObject disable(@PathParam("username") String username) {
        return StaffJson.of(administration.disable(admin(), username)).build();
    }

    @POST
    @Path("{username}/enable")
    @Operation(summary = "Enable a disabled staff account")
    public JsonObject enable(@PathParam("username") String username) {
        return StaffJson.of(administration.enable(admin(), username)).build();
    }

    private String admin() {
        return security.getUserPrincipal().getName();
    }
}
