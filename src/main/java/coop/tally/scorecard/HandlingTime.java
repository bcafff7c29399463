package coop.tally.scorecard;

import coop.tally.caller.CallHistory.PastCall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Average handling time: the mean of (end - start) over the calls handled, in whole seconds,
 * rounded half up. Start is when the call was started, end when the rep ended it; durations are
 * summed in milliseconds so that rounding happens once, on the mean.
 */
public final class HandlingTime {

    private HandlingTime() {
    }

    /** Empty when there is no call to average. */
    public static OptionalLong averageSeconds(List<PastCall> handled) {
        if (handled.isEmpty()) {
            return OptionalLong.empty();
        }
        long totalMillis = 0;
        for (PastCall call : handled) {
            totalMillis += Duration.between(call.startedAt(), call.endedAt()).toMillis();
        }
        BigDecimal mean = BigDecimal.valueOf(totalMillis)
                .divide(BigDecimal.valueOf(1000L * handled.size()), 0, RoundingMode.HALF_UP);
        return OptionalLong.of(mean.longValueExact());
    }
}
