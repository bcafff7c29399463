package coop.tally.referral;

import coop.tally.platform.TallyClock;
import coop.tally.staff.BearerTokenMechanism;
import coop.tally.staff.SignedInStaff;
import coop.tally.staff.Teams;
import coop.tally.platform.Refusal;
import coop.tally.web.JsonBuilders;
import coop.tally.web.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.YearMonth;
import java.util.Set;

/** Referral targets per rep and month: a supervisor sets them for their team; the rep and supervisor read them. */
@Path("referral-targets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    @Inject
    Targets targets;

    @Inject
    Teams teams;

    @Inject
    TallyClock clock;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{rep}/{month}")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "A rep's referral target for a month (YYYY-MM) and the history of its settings")
    public JsonObject read(@PathParam("rep") String rep, @PathParam("month") String month) {
        teams.requireMaySeeFiguresOf(me(), rep, "referral target");
        return show(rep, MonthParam.parse(month, clock.today()));
    }

    @PUT
    @Path("{rep}/{month}")
    @RolesAllowed("SUPERVISOR")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a team rep's referral target for a month: {\"target\": 7}; logged")
    public JsonObject set(@PathParam("rep") String rep, @PathParam("month") String month, JsonObject body) {
        JsonFields.of(body);
        ReferralJson.onlyFields(body, Set.of("target"), "a target");
        JsonValue value = body.get("target");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw JsonFields.missing("target");
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw JsonFields.wrongType("target", "a whole number");
        }
        YearMonth yearMonth = MonthParam.parse(month, clock.today());
        int target;
        try {
            target = number.intValueExact();
        } catch (ArithmeticException tooLarge) {
            target = -1;
        }
        targets.set(me().username(), rep, yearMonth, target);
        return show(rep, yearMonth);
    }

    private JsonObject show(String rep, YearMonth month) {
        JsonArrayBuilder history = JsonBuilders.JSON.createArrayBuilder();
        targets.history(rep, month).forEach(setting -> history.add(ReferralJson.target(setting)));
        return JsonBuilders.JSON.createObjectBuilder()
                .add("rep", rep)
                .add("month", month.toString())
                .add("target", targets.targetFor(rep, month))
                .add("default", Targets.DEFAULT_TARGET)
                .add("history", history)
                .build();
    }

    private SignedInStaff me() {
        return BearerTokenMechanism.signedInStaff(request).orElseThrow(() -> Refusal.unauthenticated("Sign in first."));
    }
}
