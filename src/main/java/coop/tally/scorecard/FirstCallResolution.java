package coop.tally.scorecard;

import coop.tally.caller.CallHistory.PastCall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A first-call-resolution proxy. Of a rep's handled calls that identified a member, the share that
 * the rep ended as RESOLVED and after which the same member did not call again (to anyone) within
 * 7 days of the call's end: a repeat is a call that starts after this one ended. The percent has one decimal, rounded half up. A call less than 7 days
 * old may still lose its "resolved" status when the member calls back.
 */
public final class FirstCallResolution {

    public static final Duration REPEAT_WINDOW = Duration.ofDays(7);

    /** resolved of eligible, and the percent (empty when nothing is eligible). */
    public record Result(int resolved, int eligible, Optional<BigDecimal> percent) {
    }

    private FirstCallResolution() {
    }

    /**
     * @param handled   the rep's handled calls (ended, not timed out)
     * @param allCalls  every call that could be a repeat: all reps, from the first handled call
     *                  until 7 days after the last one ended
     */
    public static Result of(List<PastCall> handled, List<PastCall> allCalls) {
        int eligible = 0;
        int resolved = 0;
        for (PastCall call : handled) {
            if (call.memberNumber() == null) {
                continue;
            }
            eligible++;
            if ("RESOLVED".equals(call.disposition()) && !calledAgain(call, allCalls)) {
                resolved++;
            }
        }
        Optional<BigDecimal> percent = eligible == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(resolved * 100L).divide(BigDecimal.valueOf(eligible), 1, RoundingMode.HALF_UP));
        return new Result(resolved, eligible, percent);
    }

    static boolean calledAgain(PastCall call, List<PastCall> allCalls) {
        var windowEnd = call.endedAt().plus(REPEAT_WINDOW);
        return allCalls.stream().anyMatch(other -> !other.id().equals(call.id())
                && call.memberNumber().equals(other.memberNumber())
                // a repeat is a call the member made after this one ended: one that overlaps it (a
                // second line, a transfer to another rep) is part of the same contact, not a callback
                && other.startedAt().isAfter(call.endedAt())
                && !other.startedAt().isAfter(windowEnd));
    }
}
