package coop.tally.scorecard;

import coop.tally.web.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Map;

/** JSON shapes of scorecards. Percentages and money are decimal strings. */
final class ScorecardJson {

    private ScorecardJson() {
    }

    static JsonObject figures(RepFigures f) {
        ReportingPeriod period = f.period();
        JsonObjectBuilder referrals = JsonBuilders.JSON.createObjectBuilder()
                .add("made", f.referralsMade())
                .add("converted", f.referralsConverted())
                .add("target", f.referralTarget())
                .add("targetMet", f.targetMet());
        JsonObjectBuilder errors = JsonBuilders.JSON.createObjectBuilder()
                .add("quarter", period.quarterName())
                .add("count", f.postingErrorsThisQuarter())
                .add("limit", f.postingErrorLimit())
                .add("overLimit", f.postingErrorsOverLimit());
        JsonObjectBuilder calls = JsonBuilders.JSON.createObjectBuilder().add("handled", f.callsHandled());
        if (f.averageHandlingSeconds().isPresent()) {
            calls.add("averageHandlingSeconds", f.averageHandlingSeconds().getAsLong());
        } else {
            calls.addNull("averageHandlingSeconds");
        }
        FirstCallResolution.Result fcr = f.firstCallResolution();
        JsonObjectBuilder resolution = JsonBuilders.JSON.createObjectBuilder()
                .add("resolved", fcr.resolved())
                .add("eligible", fcr.eligible());
        if (fcr.percent().isPresent()) {
            resolution.add("percent", fcr.percent().get().toPlainString());
        } else {
            resolution.addNull("percent");
        }
        calls.add("firstCallResolution", resolution);
        JsonObjectBuilder drawer = JsonBuilders.JSON.createObjectBuilder();
        f.drawer().ifPresentOrElse(result -> drawer
                        .add("status", "AVAILABLE")
                        .add("net", result.net().toPlainString())
                        .add("drawersClosed", result.drawersClosed())
                        .add("outOfTolerance", result.outOfTolerance()),
                () -> drawer.add("status", "NO_DRAWER_DATA"));
        return JsonBuilders.JSON.createObjectBuilder()
                .add("rep", f.rep())
                .add("month", period.month().toString())
                .add("zone", period.zone().getId())
                .add("from", period.monthStart().toString())
                .add("to", period.monthEnd().toString())
                .add("referrals", referrals)
                .add("postingErrors", errors)
                .add("calls", calls)
                .add("drawerOverShort", drawer)
                .build();
    }

    static JsonObject team(String supervisor, ReportingPeriod period, List<RepFigures> team,
                           Map<TeamRanking.Figure, List<TeamRanking.Place>> ranking) {
        JsonArrayBuilder reps = JsonBuilders.JSON.createArrayBuilder();
        team.forEach(f -> reps.add(figures(f)));
        JsonObjectBuilder rankings = JsonBuilders.JSON.createObjectBuilder();
        ranking.forEach((figure, places) -> {
            JsonArrayBuilder list = JsonBuilders.JSON.createArrayBuilder();
            for (TeamRanking.Place place : places) {
                JsonObjectBuilder row = JsonBuilders.JSON.createObjectBuilder().add("rep", place.rep());
                if (place.rank() == null) {
                    row.addNull("rank").addNull("value");
                } else {
                    row.add("rank", place.rank()).add("value", place.value().toPlainString());
                }
                list.add(row);
            }
            rankings.add(figure.name(), JsonBuilders.JSON.createObjectBuilder()
                    .add("higherIsBetter", figure.higherIsBetter())
                    .add("places", list));
        });
        return JsonBuilders.JSON.createObjectBuilder()
                .add("supervisor", supervisor)
                .add("month", period.month().toString())
                .add("zone", period.zone().getId())
                .add("reps", reps)
                .add("rankings", rankings)
                .build();
    }
}
