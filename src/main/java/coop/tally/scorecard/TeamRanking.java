package coop.tally.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Ranks a supervisor's team on each figure. Ties share a rank and the next rank skips (1, 1, 3);
 * a rep without a value for a figure (no calls, hence no AHT; no drawer data) is listed last
 * without a rank. For posting errors and AHT lower is better; for everything else higher is.
 */
public final class TeamRanking {

    /** One rep's place on one figure; {@code rank} and {@code value} are null when the rep has no value. */
    public record Place(String rep, BigDecimal value, Integer rank) {
    }

    /** The figures ranked, each with whether higher is better and how to read it. */
    public enum Figure {
        REFERRALS_MADE(true, f -> BigDecimal.valueOf(f.referralsMade())),
        REFERRALS_CONVERTED(true, f -> BigDecimal.valueOf(f.referralsConverted())),
        POSTING_ERRORS(false, f -> BigDecimal.valueOf(f.postingErrorsThisQuarter())),
        CALLS_HANDLED(true, f -> BigDecimal.valueOf(f.callsHandled())),
        AVERAGE_HANDLING_SECONDS(false, f -> f.averageHandlingSeconds().isPresent()
                ? BigDecimal.valueOf(f.averageHandlingSeconds().getAsLong()) : null),
        FIRST_CALL_RESOLUTION_PERCENT(true, f -> f.firstCallResolutionPercent().orElse(null)),
        DRAWER_OVER_SHORT_ABSOLUTE(false, f -> f.drawer().map(d -> d.net().abs()).orElse(null));

        private final boolean higherIsBetter;
        private final Function<RepFigures, BigDecimal> value;

        Figure(boolean higherIsBetter, Function<RepFigures, BigDecimal> value) {
            this.higherIsBetter = higherIsBetter;
            this.value = value;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }
    }

    private TeamRanking() {
    }

    public static Map<Figure, List<Place>> rank(List<RepFigures> team) {
        Map<Figure, List<Place>> ranked = new LinkedHashMap<>();
        for (Figure figure : Figure.values()) {
            ranked.put(figure, rank(team, figure));
        }
        return ranked;
    }

    public static List<Place> rank(List<RepFigures> team, Figure figure) {
        Comparator<BigDecimal> better = figure.higherIsBetter ? Comparator.<BigDecimal>reverseOrder() : Comparator.naturalOrder();
        List<Place> withValue = new ArrayList<>();
        List<Place> without = new ArrayList<>();
        team.stream()
                .sorted(Comparator.comparing(RepFigures::rep))
                .forEach(f -> {
                    BigDecimal value = figure.value.apply(f);
                    (value == null ? without : withValue).add(new Place(f.rep(), value, null));
                });
        withValue.sort(Comparator.comparing(Place::value, better).thenComparing(Place::rep));
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < withValue.size(); i++) {
            Place place = withValue.get(i);
            int rank = i > 0 && withValue.get(i - 1).value().compareTo(place.value()) == 0 ? places.get(i - 1).rank() : i + 1;
            places.add(new Place(place.rep(), place.value(), rank));
        }
        places.addAll(without);
        return places;
    }
}
