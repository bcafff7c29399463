package coop.tally.staff;

import coop.tally.web.JsonBuilders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The security log, newest first, for auditors and administrators. */
@Path("security-log")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"AUDITOR", "ADMIN"})
public class SecurityLogResource {

    @Inject
    SecurityLog log;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Security events, newest first, optionally by or about one staff member, or of one type")
    public JsonArray events(@QueryParam("staff") String actor, @QueryParam("type") String type,
                            @QueryParam("page") @DefaultValue("0") int page,
                            @QueryParam("size") @DefaultValue("50") int size) {
        int pageSize = Math.max(1, Math.min(size, 500));
        var array = JsonBuilders.JSON.createArrayBuilder();
        for (SecurityEvent event : log.recent(actor, type, Math.max(0, page), pageSize)) {
            array.add(toJson(event));
        }
        log.record("SECURITY_LOG_READ", security.getUserPrincipal().getName(), actor, type == null ? null : "type " + type);
        return array.build();
    }

    private static JsonObjectBuilder toJson(SecurityEvent event) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("id", event.id())
                .add("occurredAt", event.occurredAt().toString())
                .add("type", event.eventType());
        addIfPresent(json, "actor", event.actor());
        addIfPresent(json, "subject", event.subject());
        addIfPresent(json, "detail", event.detail());
        addIfPresent(json, "remoteAddress", event.remoteAddress());
        return json;
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
