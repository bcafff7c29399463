package coop.tally.ledger;

import coop.tally.web.JsonBuilders;
import coop.tally.ledger.hold.BusinessCalendar;
import coop.tally.staff.SecurityLog;
import coop.tally.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;

/** The credit union's business date; ADMIN opens the next business day, which releases holds due on it. */
@Path("business-date")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BusinessDateResource {

    private final BusinessCalendar calendar = new BusinessCalendar();

    @Inject
    BusinessDates businessDates;

    @Inject
    Holds holds;

    @Inject
    SecurityLog securityLog;

    @Inject
    Event<BusinessDayOpened> dayOpened;

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
    @Transactional
    @Operation(summary = "Open the next business day (weekends and Federal Reserve holidays skipped) and release holds due")
    public JsonObject advance() {
        LocalDate current = businessDates.current();
        LocalDate next = calendar.plusBusinessDays(current, 1);
        if (next.isAfter(LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1))) {
            throw Refusal.byRules("BUSINESS_DATE_TOO_FAR", "The business date cannot run a year ahead of the calendar.");
        }
        businessDates.openNext(next, security.getUserPrincipal().getName());
        int released = holds.releaseAllDue(next);
        securityLog.record("BUSINESS_DATE_ADVANCED", security.getUserPrincipal().getName(), next.toString(),
                "from " + current + ", holds released " + released);
        dayOpened.fire(new BusinessDayOpened(current, next));
        return JsonBuilders.JSON.createObjectBuilder()
                .add("businessDate", next.toString())
                .add("previousBusinessDate", current.toString())
                .add("holdsReleased", released)
                .build();
    }
}
