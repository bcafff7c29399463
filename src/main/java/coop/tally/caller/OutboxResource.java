package coop.tally.caller;

import coop.tally.web.JsonBuilders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The demo's stand-in for an SMS/e-mail gateway: ADMIN reads what would have been sent, which is
 * how a person at a demo gets a passcode. ADMIN, because an admin can neither post nor take calls.
 */
@Path("outbox")
@RequestScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    private static final int LIMIT = 50;

    @Inject
    Outbox outbox;

    @GET
    @Operation(summary = "The newest outbox messages (demo only), optionally for one member")
    public JsonObject recent(@QueryParam("member") String memberNumber) {
        JsonArrayBuilder items = JsonBuilders.JSON.createArrayBuilder();
        outbox.recent(memberNumber == null || memberNumber.isBlank() ? null : memberNumber.strip(), LIMIT)
                .forEach(message -> items.add(CallJson.outbox(message)));
        return JsonBuilders.JSON.createObjectBuilder().add("items", items).build();
    }
}
