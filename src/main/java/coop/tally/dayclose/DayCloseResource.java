package coop.tally.dayclose;

import coop.tally.platform.Dates;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.util.Map;

import static coop.tally.web.JsonBuilders.JSON;

/**
 * The close of the business day (SUPERVISOR), the day's report (SUPERVISOR, AUDITOR) as JSON and
 * CSV, and the CTR export for filing (SUPERVISOR).
 */
@Path("business-day")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DayCloseResource {

    private static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    DayCloseService service;

    @Inject
    CtrExport ctrExport;

    @Context
    SecurityContext security;

    @POST
    @Path("close")
    @RolesAllowed("SUPERVISOR")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close the business day named in the body (the current one): refused while a drawer is open or"
            + " awaits approval; releases the holds due, stores the day's report, opens the next business day")
    public Response close(JsonObject body) {
        JsonFields fields = JsonFields.of(body);
        for (String field : fields.json().keySet()) {
            if (!"businessDate".equals(field)) {
                String shown = field.length() > 40 ? field.substring(0, 40) : field;
                throw new Refusal(Refusal.Kind.INVALID, "FIELD_UNKNOWN", "Unknown field '" + shown + "'.", Map.of("field", shown));
            }
        }
        LocalDate date = Dates.parse("businessDate", fields.requiredString("businessDate", 10));
        DayCloseService.Closed closed = service.close(date, security.getUserPrincipal().getName());
        DayClose close = closed.stored().close();
        JsonObject answer = JSON.createObjectBuilder()
                .add("businessDate", close.businessDate().toString())
                .add("nextBusinessDate", close.nextBusinessDate().toString())
                .add("closedBy", close.closedBy())
                .add("closedAt", close.closedAt().toString())
                .add("holdsReleased", close.holdsReleased())
                .add("reportSha256", close.reportSha256())
                .add("replayed", closed.replayed())
                .build();
        Response.ResponseBuilder response = Response.status(closed.replayed() ? 200 : 201).entity(answer);
        return closed.replayed() ? response.header("Idempotent-Replayed", "true").build() : response.build();
    }

    @GET
    @Path("report")
    @RolesAllowed({"SUPERVISOR", "AUDITOR"})
    @Operation(summary = "A business day's report (default: the current day): as stored at its close, or as it reads now")
    public JsonObject report(@QueryParam("date") String date) {
        return reportOf(date);
    }

    @GET
    @Path("report/csv")
    @Produces(CSV)
    @RolesAllowed({"SUPERVISOR", "AUDITOR"})
    @Operation(summary = "A business day's report as CSV, one section per part")
    public Response reportCsv(@QueryParam("date") String date) {
        JsonObject report = reportOf(date);
        return Response.ok(DayReportCsv.write(report), CSV)
                .header("Content-Disposition", "attachment; filename=\"tally-day-" + report.getString("businessDate") + ".csv\"")
                .build();
    }

    @GET
    @Path("ctrs/csv")
    @Produces(CSV)
    @RolesAllowed("SUPERVISOR")
    @Operation(summary = "The CTRs of a business day with the FinCEN Form 112 fields Tally holds, for the filing tool; logged")
    public Response ctrCsv(@QueryParam("date") String date) {
        LocalDate day = date == null ? service.currentBusinessDate() : Dates.parse("date", date);
        return Response.ok(ctrExport.csv(day, security.getUserPrincipal().getName()), CSV)
                .header("Content-Disposition", "attachment; filename=\"tally-ctrs-" + day + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private JsonObject reportOf(String date) {
        LocalDate day = date == null ? service.currentBusinessDate() : Dates.parse("date", date);
        return service.report(day).orElseThrow(() -> Refusal.notFound("BUSINESS_DAY_NOT_FOUND",
                "No business day was opened on " + day + "."));
    }
}
