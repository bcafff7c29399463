package coop.tally.drawer;

import coop.tally.platform.Dates;
import coop.tally.ledger.BusinessDates;
import coop.tally.money.InvalidAmountException;
import coop.tally.money.Money;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;
import java.util.Set;

/**
 * Cash drawers over HTTP. A rep runs only their own drawer; supervisors and auditors read every
 * drawer; a supervisor approves a close counted out of tolerance (never their own). No endpoint
 * sets or adjusts a drawer's expected cash.
 */
@Path("drawers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DrawerResource {

    @Inject
    DrawerService drawers;

    @Inject
    DrawerClose closes;

    @Inject
    DrawerReports reports;

    @Inject
    BusinessDates businessDates;

    @Context
    SecurityContext security;

    @POST
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open your drawer for the business day: the vault's issue and your opening count by denomination")
    public Response open(JsonObject body) {
        allowOnly(body, Set.of("vaultIssue", "count"));
        Money issue = amount(JsonFields.of(body).requiredString("vaultIssue", 20), "vaultIssue");
        Drawer drawer = drawers.open(me(), issue, count(body));
        return Response.status(201).entity(reports.day(drawer)).build();
    }

    @GET
    @Path("current")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "Your drawer for the current business date, or 404 NO_DRAWER")
    public JsonObject current() {
        return drawers.drawerOf(me(), businessDates.current(), false).map(reports::day)
                .orElseThrow(() -> Refusal.notFound("NO_DRAWER", "You have no drawer for the current business date."));
    }

    @GET
    @RolesAllowed({"SUPERVISOR", "AUDITOR"})
    @Operation(summary = "Every drawer of a business date (default: the current one) with state, over/short and flags")
    public JsonObject ofDate(@QueryParam("businessDate") String businessDate) {
        return reports.ofDate(businessDate == null ? businessDates.current() : Dates.parse("businessDate", businessDate),
                security.getUserPrincipal().getName());
    }

    @GET
    @Path("over-short")
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
    @Operation(summary = "A rep's over/short history (a rep sees only their own)")
    public JsonObject overShort(@QueryParam("rep") String rep) {
        String whose = rep == null || rep.isBlank() ? me() : rep.strip();
        if (!whose.equals(me()) && !seesAll()) {
            throw Refusal.forbidden("DRAWER_NOT_YOURS", "A rep sees only their own over/short history.");
        }
        return reports.overShortHistory(whose);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
    @Operation(summary = "A drawer's day: opening count, and once counted its cash movements, closing count and over/short")
    public JsonObject drawer(@PathParam("id") long id) {
        Drawer drawer = drawers.find(id);
        if (!drawer.owner().equals(me()) && !seesAll()) {
            throw Refusal.forbidden("DRAWER_NOT_YOURS", "The drawer belongs to another rep.");
        }
        return reports.day(drawer);
    }

    @POST
    @Path("{id}/vault/buy")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Buy cash from the vault into your drawer, counted by denomination")
    public JsonObject buy(@PathParam("id") long id, JsonObject body) {
        allowOnly(body, Set.of("count"));
        return reports.day(drawers.buyFromVault(me(), id, count(body)));
    }

    @POST
    @Path("{id}/vault/sell")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sell cash from your drawer to the vault, counted by denomination")
    public JsonObject sell(@PathParam("id") long id, JsonObject body) {
        allowOnly(body, Set.of("count"));
        return reports.day(drawers.sellToVault(me(), id, count(body)));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit your blind close count; the expected cash and over/short are shown only in this answer and after")
    public JsonObject close(@PathParam("id") long id, JsonObject body) {
        allowOnly(body, Set.of("count"));
        return reports.day(closes.submitCloseCount(me(), id, count(body)));
    }

    @POST
    @Path("{id}/close/approval-request")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "Ask again for a supervisor's approval of your close counted out of tolerance (after a denial or expiry)",
            description = "A close counted out of tolerance waits in the approval queue (GET /api/approvals); the drawer's "
                    + "closeApproval names the request. 409 APPROVAL_PENDING while one still waits.")
    public JsonObject askAgain(@PathParam("id") long id) {
        return reports.day(closes.askCloseApprovalAgain(me(), id));
    }

    static DenominationCount count(JsonObject body) {
        JsonValue value = JsonFields.of(body).json().get("count");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw JsonFields.missing("count");
        }
        if (!(value instanceof JsonObject pieces)) {
            throw JsonFields.wrongType("count", "an object of denomination to number of pieces");
        }
        try {
            return DenominationCount.fromJson(pieces);
        } catch (InvalidCountException invalid) {
            throw new Refusal(Refusal.Kind.INVALID, invalid.code(), invalid.getMessage(), Map.of("field", "count." + invalid.field()));
        }
    }

    private static Money amount(String text, String field) {
        try {
            return Money.parseAmount(text);
        } catch (InvalidAmountException invalid) {
            throw new Refusal(Refusal.Kind.INVALID, invalid.code(), invalid.getMessage(), Map.of("field", field));
        }
    }

    static void allowOnly(JsonObject body, Set<String> fields) {
        for (String field : JsonFields.of(body).json().keySet()) {
            if (!fields.contains(field)) {
                String shown = field.length() > 40 ? field.substring(0, 40) : field;
                throw new Refusal(Refusal.Kind.INVALID, "FIELD_UNKNOWN", "Unknown field '" + shown + "'.", Map.of("field", shown));
            }
        }
    }

    private boolean seesAll() {
        return security.isUserInRole("SUPERVISOR") || security.isUserInRole("AUDITOR");
    }

    private String me() {
        return security.getUserPrincipal().getName();
    }
}
