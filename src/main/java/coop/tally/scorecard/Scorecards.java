package coop.tally.scorecard;

import coop.tally.drawer.DrawerResults;
import coop.tally.caller.CallHistory;
import coop.tally.caller.CallHistory.PastCall;
import coop.tally.platform.TallyClock;
import coop.tally.posting.PostingErrors;
import coop.tally.referral.Referrals;
import coop.tally.referral.Targets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Gathers what happened in a month (and its quarter) and computes the figures of reps, one or a
 * whole team at once: referrals and conversions, POSTING_ERROR reversals, calls (with 7 days after
 * the month for the repeat-call check), drawer results. Reads only; the computing is in
 * {@link ScorecardCalculator}.
 */
@ApplicationScoped
public class Scorecards {

    @Inject
    Referrals referrals;

    @Inject
    Targets targets;

    @Inject
    PostingErrors postingErrors;

    @Inject
    CallHistory callHistory;

    @Inject
    DrawerResults drawers;

    @Inject
    TallyClock clock;

    public ReportingPeriod period(YearMonth month) {
        return new ReportingPeriod(month, clock.zone());
    }

    public RepFigures of(String rep, YearMonth month) {
        return ofTeam(List.of(rep), month).get(0);
    }

    /** The figures of each rep, in the order given. */
    public List<RepFigures> ofTeam(List<String> reps, YearMonth month) {
        referrals.expireDue();
        ReportingPeriod period = period(month);
        Instant from = period.monthStart();
        Instant to = period.monthEnd();
        List<ScorecardCalculator.ReferralFact> logged = referrals.loggedBetween(from, to).stream()
                .map(r -> new ScorecardCalculator.ReferralFact(r.id(), r.referredBy(), r.loggedAt())).toList();
        List<ScorecardCalculator.ConversionFact> converted = referrals.convertedBetween(from, to).stream()
                .map(c -> new ScorecardCalculator.ConversionFact(c.referralId(), c.referredBy(), c.convertedAt())).toList();
        List<ScorecardCalculator.ErrorFact> errors = postingErrors.reversedBetween(period.quarterStart(), period.quarterEnd())
                .stream().map(e -> new ScorecardCalculator.ErrorFact(e.originalPostedBy(), e.reversedAt())).toList();
        // calls started in the month, and the calls after them that could be repeats
        List<PastCall> calls = callHistory.startedBetween(from, to.plus(FirstCallResolution.REPEAT_WINDOW).plusSeconds(86_400));
        Map<String, Integer> targetOf = new java.util.HashMap<>();
        reps.forEach(rep -> targetOf.put(rep, targets.targetFor(rep, month)));
        return reps.stream()
                .map(rep -> ScorecardCalculator.figures(rep, period, targetOf.get(rep), logged, converted, errors, calls,
                        drawers.overShort(rep, from, to)))
                .toList();
    }
}
