package coop.tally.audit;

import coop.tally.platform.Refusal;
import coop.tally.platform.TallyClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import static coop.tally.web.JsonBuilders.JSON;

/** How far sealing trails the postings: an auditor's view of the window in which a change is not yet sealed. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("AUDITOR")
public class SealingLagResource {

    @Inject
    SealingLags lags;

    @Inject
    TallyClock clock;

    @GET
    @Path("sealing-lag")
    @Operation(summary = "How long the entries posted from `from` until `until` (default now) waited to be sealed:"
            + " p50, p99 and max in ms over the sealed ones, and how many wait still")
    public JsonObject sealingLag(@QueryParam("from") String from, @QueryParam("until") String until) throws SQLException {
        Instant now = clock.now();
        Instant start = instant("from", from);
        Instant end = until == null || until.isBlank() ? now : instant("until", until);
        if (!start.isBefore(end)) {
            throw Refusal.invalid("WINDOW_INVALID", "from must be before until.");
        }
        SealingLag lag = lags.postedBetween(start, end, now).orElseThrow(() -> Refusal.byRules("SEALING_LAG_WINDOW_TOO_LARGE",
                "More than " + SealingLags.MAX_ENTRIES + " entries were posted in that window; ask for a shorter one."));
        return JSON.createObjectBuilder()
                .add("from", start.toString())
                .add("until", end.toString())
                .add("entries", lag.entries())
                .add("sealed", lag.sealed())
                .add("p50Millis", lag.p50Millis())
                .add("p99Millis", lag.p99Millis())
                .add("maxMillis", lag.maxMillis())
                .add("unsealed", lag.entries() - lag.sealed())
                .add("oldestUnsealedMillis", lag.oldestUnsealedMillis())
                .build();
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("FIELD_REQUIRED", name + " is required: an ISO-8601 instant, e.g. 2025-03-14T15:00:00Z.");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("TIMESTAMP_INVALID", name + " must be an ISO-8601 instant, e.g. 2025-03-14T15:00:00Z.");
        }
    }
}
