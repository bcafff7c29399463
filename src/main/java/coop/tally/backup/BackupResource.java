package coop.tally.backup;

import coop.tally.platform.Refusal;
import coop.tally.web.StrictJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.SQLException;
import java.util.Map;

import static coop.tally.web.JsonBuilders.JSON;

/** ADMIN backs up the running Tally (embedded Derby) and lists the backups; on PostgreSQL, pg_dump does it. */
@Path("admin/backups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class BackupResource {

    @Inject
    Backups backups;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /**
     * The body may be absent (a plain {@code curl -X POST}, so the body is taken as bytes of any
     * type) or an empty JSON object: Tally chooses the folder, and a member that tries to choose
     * anything is refused rather than ignored.
     */
    @POST
    @Operation(summary = "Back up the running database now (embedded Derby): 201 with the backup's folder, its checkpoint and timings")
    public Response take(byte[] body) throws SQLException {
        if (body != null && body.length > 0) {
            JsonObject settings = StrictJson.readObject(body);
            if (!settings.isEmpty()) {
                String field = settings.keySet().iterator().next();
                throw Refusal.invalid("FIELD_UNKNOWN", "A backup takes no settings: Tally names its folder itself.",
                        Map.of("field", field.length() > 40 ? field.substring(0, 40) : field));
            }
        }
        Backup backup = backups.take(security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(backup.name()).build())
                .entity(BackupJson.of(backup).build()).build();
    }

    @GET
    @Operation(summary = "Every backup folder, newest first; one without a manifest is unfinished or failed (complete: false)")
    public JsonObject list() {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        backups.list().forEach(folder -> items.add(BackupJson.of(folder)));
        return JSON.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One backup by name (the UTC time it was begun, as 20260314T150000Z)")
    public JsonObject one(@PathParam("name") String name) {
        return BackupJson.of(backups.find(name)).build();
    }
}
