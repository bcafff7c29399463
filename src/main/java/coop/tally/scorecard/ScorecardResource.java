package coop.tally.scorecard;

import coop.tally.platform.TallyClock;
import coop.tally.referral.MonthParam;
import coop.tally.staff.BearerTokenMechanism;
import coop.tally.staff.SignedInStaff;
import coop.tally.staff.Teams;
import coop.tally.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.YearMonth;
import java.util.List;

/**
 * Scorecards, computed on every request from referrals, calls, reversals and drawers: a rep sees
 * their own, a supervisor also each rep of their team and the team ranked on every figure.
 */
@Path("scorecards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardResource {

    @Inject
    Scorecards scorecards;

    @Inject
    Teams teams;

    @Inject
    TallyClock clock;

    @Context
    HttpServletRequest request;

    @GET
    @Path("team")
    @RolesAllowed("SUPERVISOR")
    @Operation(summary = "Your team's scorecards for a month (YYYY-MM, default this month), ranked on each figure")
    public JsonObject team(@QueryParam("month") String month) {
        String supervisor = me().username();
        YearMonth yearMonth = MonthParam.parse(month, clock.today());
        List<RepFigures> team = scorecards.ofTeam(teams.teamOf(supervisor), yearMonth);
        return ScorecardJson.team(supervisor, scorecards.period(yearMonth), team, TeamRanking.rank(team));
    }

    @GET
    @Path("{rep}")
    @RolesAllowed({"REP", "SUPERVISOR"})
    @Operation(summary = "A rep's scorecard for a month (YYYY-MM, default this month): your own, or a team rep's")
    public JsonObject rep(@PathParam("rep") String rep, @QueryParam("month") String month) {
        teams.requireMaySeeFiguresOf(me(), rep, "scorecard");
        return ScorecardJson.figures(scorecards.of(rep, MonthParam.parse(month, clock.today())));
    }

    private SignedInStaff me() {
        return BearerTokenMechanism.signedInStaff(request).orElseThrow(() -> Refusal.unauthenticated("Sign in first."));
    }
}
