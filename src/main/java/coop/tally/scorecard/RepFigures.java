package coop.tally.scorecard;

import coop.tally.drawer.DrawerResults;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A rep's figures for one month (and its quarter), all computed from what happened: referrals and
 * their conversions, POSTING_ERROR reversals of the rep's entries, calls, drawers.
 */
public record RepFigures(
        String rep,
        ReportingPeriod period,
        int referralsMade,
        int referralsConverted,
        int referralTarget,
        int postingErrorsThisQuarter,
        int postingErrorLimit,
        int callsHandled,
        OptionalLong averageHandlingSeconds,
        FirstCallResolution.Result firstCallResolution,
        Optional<DrawerResults.OverShort> drawer) {

    /** At most one posting error a quarter. */
    public static final int POSTING_ERROR_LIMIT = 1;

    public boolean targetMet() {
        return referralsMade >= referralTarget;
    }

    public boolean postingErrorsOverLimit() {
        return postingErrorsThisQuarter > postingErrorLimit;
    }

    public Optional<BigDecimal> firstCallResolutionPercent() {
        return firstCallResolution.percent();
    }
}
