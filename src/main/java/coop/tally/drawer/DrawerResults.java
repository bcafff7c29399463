package coop.tally.drawer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a scorecard gets a rep's cash drawer over/short from. The drawers are their own domain
 * (coop.tally.drawer); until it provides an implementation, {@link NoDrawerResults} answers "no
 * drawer data", and the scorecard says so instead of showing a zero that nobody counted.
 */
public interface DrawerResults {

    /**
     * Net over (positive) / short (negative) of the rep's drawers closed in [from, to), with how
     * many closed and how many were out of tolerance; empty when there is no drawer data.
     */
    Optional<OverShort> overShort(String rep, Instant from, Instant to);

    /** A rep's drawer result over a period. */
    record OverShort(BigDecimal net, int drawersClosed, int outOfTolerance) {
    }
}
