package coop.tally.scorecard;

import coop.tally.drawer.DrawerResults;
import coop.tally.caller.CallHistory.PastCall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns what happened into a rep's figures for a month. No database, no clock: the caller brings
 * the facts (already narrowed to roughly the right time range) and this decides what counts.
 *
 * <ul>
 *   <li>referrals made: referrals the rep logged in the month (every disposition counts: the target
 *   measures the rep offering the product; the disposition says how the member answered);</li>
 *   <li>referrals converted: conversions recorded in the month for referrals the rep made;</li>
 *   <li>posting errors: POSTING_ERROR reversals, made in the month's quarter, of entries the rep posted;</li>
 *   <li>calls handled: calls the rep handled that started in the month and were ended by staff
 *   (a call that timed out has no meaningful end and counts for neither calls nor AHT);</li>
 *   <li>AHT and the FCR proxy over those calls ({@link HandlingTime}, {@link FirstCallResolution}).</li>
 * </ul>
 */
public final class ScorecardCalculator {

    /** A referral as the scorecard counts it: who logged it, when. */
    public record ReferralFact(long id, String referredBy, Instant loggedAt) {
    }

    /** A conversion as the scorecard counts it: the referring rep, when recorded. */
    public record ConversionFact(long referralId, String referredBy, Instant convertedAt) {
    }

    /** A POSTING_ERROR reversal: the original entry's poster, when reversed. */
    public record ErrorFact(String originalPostedBy, Instant reversedAt) {
    }

    private ScorecardCalculator() {
    }

    public static RepFigures figures(String rep, ReportingPeriod period, int target, List<ReferralFact> referrals,
                                     List<ConversionFact> conversions, List<ErrorFact> errors, List<PastCall> calls,
                                     Optional<DrawerResults.OverShort> drawer) {
        int made = (int) referrals.stream()
                .filter(r -> r.referredBy().equals(rep) && period.inMonth(r.loggedAt())).count();
        int converted = (int) conversions.stream()
                .filter(c -> c.referredBy().equals(rep) && period.inMonth(c.convertedAt())).count();
        int postingErrors = (int) errors.stream()
                .filter(e -> e.originalPostedBy().equals(rep) && period.inQuarter(e.reversedAt())).count();
        List<PastCall> handled = handledBy(rep, period, calls);
        return new RepFigures(rep, period, made, converted, target, postingErrors, RepFigures.POSTING_ERROR_LIMIT,
                handled.size(), HandlingTime.averageSeconds(handled), FirstCallResolution.of(handled, calls), drawer);
    }

    /** The rep's calls started in the month and ended by staff. */
    static List<PastCall> handledBy(String rep, ReportingPeriod period, List<PastCall> calls) {
        return calls.stream()
                .filter(call -> rep.equals(call.handledBy()) && period.inMonth(call.startedAt()))
                .filter(call -> call.endedAt() != null && !"TIMED_OUT".equals(call.disposition()))
                .toList();
    }
}
