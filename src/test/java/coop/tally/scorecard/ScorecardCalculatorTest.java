package coop.tally.scorecard;

import coop.tally.scorecard.ScorecardCalculator.ConversionFact;
import coop.tally.scorecard.ScorecardCalculator.ErrorFact;
import coop.tally.scorecard.ScorecardCalculator.ReferralFact;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static coop.tally.scorecard.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorecardCalculatorTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ReportingPeriod MARCH = new ReportingPeriod(YearMonth.of(2026, 3), CHICAGO);

    @Test
    void only_the_reps_own_facts_inside_the_local_month_and_quarter_count() {
        var referrals = List.of(
                new ReferralFact(1, "rep1", Instant.parse("2026-04-01T04:45:00Z")),  // 23:45 on 31 March in Chicago
                new ReferralFact(2, "rep1", Instant.parse("2026-04-01T05:00:00Z")),  // 00:00 on 1 April: not March
                new ReferralFact(3, "rep2", Instant.parse("2026-03-10T15:00:00Z")),
                new ReferralFact(4, "rep1", Instant.parse("2026-03-01T06:00:00Z"))); // 00:00 on 1 March (CST)
        var conversions = List.of(
                new ConversionFact(1, "rep1", Instant.parse("2026-03-20T15:00:00Z")),
                new ConversionFact(3, "rep2", Instant.parse("2026-03-21T15:00:00Z")));
        var errors = List.of(
                new ErrorFact("rep1", Instant.parse("2026-01-01T06:00:00Z")),  // first second of Q1 in Chicago
                new ErrorFact("rep1", Instant.parse("2026-04-01T05:00:00Z")),  // first second of Q2: not counted in March
                new ErrorFact("rep2", Instant.parse("2026-02-01T15:00:00Z")));
        var calls = List.of(
                call("rep1", "100001", "2026-03-02T15:00:00Z", "2026-03-02T15:03:20Z", "RESOLVED"),
                call("rep1", "100003", "2026-03-03T15:00:00Z", "2026-03-03T15:10:00Z", "TIMED_OUT"),
                call("rep1", "100004", "2026-03-04T15:00:00Z", null, null),
                call("rep2", "100005", "2026-03-04T15:00:00Z", "2026-03-04T15:30:00Z", "RESOLVED"));

        RepFigures figures = ScorecardCalculator.figures("rep1", MARCH, 5, referrals, conversions, errors, calls, Optional.empty());

        assertEquals(2, figures.referralsMade());
        assertEquals(1, figures.referralsConverted());
        assertEquals(1, figures.postingErrorsThisQuarter());
        assertFalse(figures.postingErrorsOverLimit());
        assertFalse(figures.targetMet());
        assertEquals(1, figures.callsHandled(), "a timed-out call and an open call are not handled calls");
        assertEquals(OptionalLong.of(200), figures.averageHandlingSeconds());
        assertEquals(Optional.of(new BigDecimal("100.0")), figures.firstCallResolutionPercent());
    }

    @Test
    void two_posting_errors_in_a_quarter_are_over_the_limit_of_one() {
        var errors = List.of(new ErrorFact("rep1", Instant.parse("2026-02-01T15:00:00Z")),
                new ErrorFact("rep1", Instant.parse("2026-03-31T15:00:00Z")));
        RepFigures figures = ScorecardCalculator.figures("rep1", MARCH, 0, List.of(), List.of(), errors, List.of(), Optional.empty());
        assertEquals(2, figures.postingErrorsThisQuarter());
        assertTrue(figures.postingErrorsOverLimit());
        assertTrue(figures.targetMet(), "a target of 0 is met with no referral");
    }
}
