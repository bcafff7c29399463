package coop.tally.staff;

import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;
import java.util.Set;

/** Teams: ADMIN says which supervisor each rep reports to; a supervisor reads their own team. */
@Path("teams")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {

    @Inject
    Teams teams;

    @Context
    HttpServletRequest request;

    @GET
    @RolesAllowed({"ADMIN", "SUPERVISOR"})
    @Operation(summary = "Team memberships: all of them for ADMIN, one's own team for a supervisor")
    public JsonObject list() {
        SignedInStaff me = me();
        JsonArrayBuilder items = JsonBuilders.JSON.createArrayBuilder();
        teams.all().stream()
                .filter(membership -> me.hasRole(Role.ADMIN) || membership.supervisor().equals(me.username()))
                .forEach(membership -> items.add(json(membership)));
        return JsonBuilders.JSON.createObjectBuilder().add("items", items).build();
    }

    @PUT
    @Path("members/{rep}")
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put a rep in a supervisor's team: {\"supervisor\":\"super1\"}; logged")
    public JsonObject assign(@PathParam("rep") String rep, JsonObject body) {
        JsonFields fields = JsonFields.of(body);
        for (String name : body.keySet()) {
            if (!Set.of("supervisor").contains(name)) {
                throw new Refusal(Refusal.Kind.INVALID, "FIELD_UNKNOWN", "'" + name + "' is not a field of a team membership.",
                        Map.of("field", name));
            }
        }
        String supervisor = fields.requiredString("supervisor", 40);
        return json(teams.assign(me().username(), rep, supervisor));
    }

    @DELETE
    @Path("members/{rep}")
    @RolesAllowed("ADMIN")
    @Operation(summary = "Take a rep out of their team; logged")
    public Response remove(@PathParam("rep") String rep) {
        teams.remove(me().username(), rep);
        return Response.noContent().build();
    }

    private static JsonObject json(TeamMembership membership) {
        return JsonBuilders.JSON.createObjectBuilder()
                .add("rep", membership.rep())
                .add("supervisor", membership.supervisor())
                .add("setAt", membership.setAt().toString())
                .add("setBy", membership.setBy())
                .build();
    }

    private SignedInStaff me() {
        return BearerTokenMechanism.signedInStaff(request).orElseThrow(() -> Refusal.unauthenticated("Sign in first."));
    }
}
