package coop.tally.scorecard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TeamRankingTest {

    private static final ReportingPeriod JANUARY = new ReportingPeriod(YearMonth.of(2026, 1), ZoneId.of("America/Chicago"));

    private static RepFigures figures(String rep, int made, int errors, int calls, Long aht) {
        return new RepFigures(rep, JANUARY, made, 0, 5, errors, 1, calls,
                aht == null ? OptionalLong.empty() : OptionalLong.of(aht),
                new FirstCallResolution.Result(0, 0, Optional.empty()), Optional.empty());
    }

    @Test
    void higher_referrals_rank_first_and_ties_share_a_rank() {
        var team = List.of(figures("ann", 3, 0, 10, 300L), figures("bob", 7, 2, 10, 200L), figures("cat", 3, 1, 4, null));
        var places = TeamRanking.rank(team, TeamRanking.Figure.REFERRALS_MADE);
        assertEquals(List.of("bob", "ann", "cat"), places.stream().map(TeamRanking.Place::rep).toList());
        assertEquals(List.of(1, 2, 2), places.stream().map(TeamRanking.Place::rank).toList());
    }

    @Test
    void fewer_posting_errors_and_shorter_handling_rank_first() {
        var team = List.of(figures("ann", 3, 0, 10, 300L), figures("bob", 7, 2, 10, 200L), figures("cat", 3, 1, 4, null));
        assertEquals(List.of("ann", "cat", "bob"),
                TeamRanking.rank(team, TeamRanking.Figure.POSTING_ERRORS).stream().map(TeamRanking.Place::rep).toList());
        var aht = TeamRanking.rank(team, TeamRanking.Figure.AVERAGE_HANDLING_SECONDS);
        assertEquals(List.of("bob", "ann", "cat"), aht.stream().map(TeamRanking.Place::rep).toList());
        assertEquals(new BigDecimal("200"), aht.get(0).value());
        assertNull(aht.get(2).rank(), "no calls: no AHT, no rank");
        var calls = TeamRanking.rank(team, TeamRanking.Figure.CALLS_HANDLED);
        assertEquals(List.of(1, 1, 3), calls.stream().map(TeamRanking.Place::rank).toList());
    }

    @Test
    void without_drawer_data_nobody_is_ranked_on_drawers() {
        var team = List.of(figures("ann", 3, 0, 10, 300L), figures("bob", 7, 2, 10, 200L));
        TeamRanking.rank(team, TeamRanking.Figure.DRAWER_OVER_SHORT_ABSOLUTE).forEach(place -> assertNull(place.rank()));
        assertEquals(TeamRanking.Figure.values().length, TeamRanking.rank(team).size());
    }
}
