package coop.tally.referral;

import coop.tally.platform.Dates;
import coop.tally.platform.TallyClock;
import coop.tally.staff.Role;
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
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Referrals: a rep logs one inside their own call verified for the member; the supervisor of the
 * rep's team records a conversion; a rep lists their follow-ups due. A rep sees their own referrals, a supervisor also
 * those of their team.
 */
@Path("referrals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    static final int MAX_NOTES = 2000;
    static final int MAX_CONVERSION_NOTE = 500;

    @Inject
    Referrals referrals;

    @Inject
    Teams teams;

    @Inject
    TallyClock clock;

    @Context
    HttpServletRequest request;

    @POST
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log a referral in your open call verified for the member",
            description = "{memberNumber, product, disposition, notes?, followUpOn?}. 403 VERIFICATION_REQUIRED outside such"
                    + " a call; 409 REFERRAL_DUPLICATE for the same member and product within 30 days.")
    public Response log(JsonObject body) {
        JsonFields fields = JsonFields.of(body);
        ReferralJson.onlyFields(body, Set.of("memberNumber", "product", "disposition", "notes", "followUpOn"), "a referral");
        String memberNumber = fields.requiredString("memberNumber", 12).strip();
        String product = fields.requiredString("product", 40).strip();
        ReferralDisposition disposition = fields.requiredEnum("disposition", ReferralDisposition.class);
        String notes = fields.optionalString("notes", MAX_NOTES).filter(text -> !text.isBlank()).orElse(null);
        Optional<LocalDate> followUpOn = fields.optionalString("followUpOn", 10).map(text -> Dates.parse("followUpOn", text));
        referrals.expireDue();
        Referrals.ReferralView logged = referrals.log(me().username(),
                new Referrals.NewReferral(memberNumber, product, disposition, notes, followUpOn));
        return Response.status(201).entity(ReferralJson.referral(logged)).build();
    }

    @GET
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "A rep's referrals logged in a month (default: your own, this month)")
    public JsonObject list(@QueryParam("rep") String rep, @QueryParam("month") String month) {
        SignedInStaff me = me();
        String whose = rep == null || rep.isBlank() ? me.username() : rep;
        teams.requireMaySeeFiguresOf(me, whose, "referrals");
        YearMonth yearMonth = MonthParam.parse(month, clock.today());
        var period = yearMonth.atDay(1).atStartOfDay(clock.zone()).toInstant();
        var end = yearMonth.plusMonths(1).atDay(1).atStartOfDay(clock.zone()).toInstant();
        referrals.expireDue();
        return JsonBuilders.JSON.createObjectBuilder()
                .add("rep", whose)
                .add("month", yearMonth.toString())
                .add("items", items(referrals.loggedBy(whose, period, end)))
                .build();
    }

    @GET
    @Path("follow-ups")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "Your open referrals whose follow-up date has come (today in the credit union's zone or earlier)")
    public JsonObject followUps() {
        referrals.expireDue();
        return JsonBuilders.JSON.createObjectBuilder()
                .add("today", clock.today().toString())
                .add("items", items(referrals.followUpsDue(me().username())))
                .build();
    }

    @GET
    @Path("{id: [0-9]+}")
    @RolesAllowed({"REP", "SUPERVISOR", "AUDITOR"})
    @Operation(summary = "One referral with its status (yours, your team's as its supervisor, any as an auditor;"
            + " else 403 NOT_YOUR_TEAM)")
    public JsonObject one(@PathParam("id") long id) {
        referrals.expireDue();
        Referrals.ReferralView view = referrals.find(id);
        SignedInStaff me = me();
        if (!me.hasRole(Role.AUDITOR)) {
            requireTeamOf(me, view);
        }
        return ReferralJson.referral(view);
    }

    @POST
    @Path("{id: [0-9]+}/conversion")
    @RolesAllowed("SUPERVISOR")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that the referred product was opened: CONVERTED, credited to the referring rep",
            description = "{note?}. Only by the supervisor of the referring rep's team (403 NOT_YOUR_TEAM), never for your"
                    + " own referral; 409 REFERRAL_ENDED when already converted or expired.")
    public Response convert(@PathParam("id") long id, JsonObject body) {
        ReferralJson.onlyFields(body, Set.of("note"), "a conversion");
        String note = body == null ? null
                : JsonFields.of(body).optionalString("note", MAX_CONVERSION_NOTE).filter(text -> !text.isBlank()).orElse(null);
        referrals.expireDue();
        SignedInStaff me = me();
        requireTeamOf(me, referrals.find(id));
        return Response.status(201).entity(ReferralJson.referral(referrals.convert(me.username(), id, note))).build();
    }

    /**
     * The one rule for every action on one referral (reading, converting): the referring rep and the
     * supervisor of their team, else 403 NOT_YOUR_TEAM, as for a rep's list and scorecard. A
     * supervisor who may not see a referral may not credit it either.
     */
    private void requireTeamOf(SignedInStaff me, Referrals.ReferralView view) {
        teams.requireMaySeeFiguresOf(me, view.referral().referredBy(), "referrals");
    }

    private static JsonArrayBuilder items(List<Referrals.ReferralView> views) {
        JsonArrayBuilder items = JsonBuilders.JSON.createArrayBuilder();
        views.forEach(view -> items.add(ReferralJson.referral(view)));
        return items;
    }

    private SignedInStaff me() {
        return BearerTokenMechanism.signedInStaff(request).orElseThrow(() -> Refusal.unauthenticated("Sign in first."));
    }
}
