package coop.tally.ledger;

import coop.tally.web.JsonBuilders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The credit union's business date; ADMIN opens the next business day, which releases holds due on it. */
@Path("business-date")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BusinessDateResource {

    @Inject
    BusinessDates businessDates;

    @Inject
    DayEnd dayEnd;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR", "ADMIN"})
    @Operation(summary = "The current business date")
    public JsonObject current() {
        return JsonBuilders.JSON.createObjectBuilder().add("businessDate", businessDates.current().toString()).build();
    }

    @POST
    @Path("advance")
    @RolesAllowed("ADMIN")
    @Operation(summary = "Open the next business day (weekends and Federal Reserve holidays skipped) and release holds due")
    public JsonObject advance() {
        DayEnd.Opened opened = dayEnd.openNextDay(security.getUserPrincipal().getName());
        return JsonBuilders.JSON.createObjectBuilder()
                .add("businessDate", opened.next().toString())
                .add("previousBusinessDate", opened.previous().toString())
                .add("holdsReleased", opened.holdsReleased())
                .build();
    }
}
