package coop.tally.caller;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallActivityTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final IdleTimeout FIFTEEN_MINUTES = new IdleTimeout(Duration.ofMinutes(15));

    @Test
    void activity_a_moment_after_the_last_is_not_written_and_the_call_times_out_no_earlier_than_that_moment_allows() {
        MemberCall call = new MemberCall("+13125550101", "rep1", T0);
        call.touchUnlessRecent(T0.plusSeconds(5), FIFTEEN_MINUTES);
        assertEquals(MemberCall.State.TIMED_OUT, call.stateAt(T0.plus(Duration.ofMinutes(15)).plusMillis(1), FIFTEEN_MINUTES),
                "five seconds after the last write is still the same moment");

        MemberCall later = new MemberCall("+13125550101", "rep1", T0);
        later.touchUnlessRecent(T0.plusSeconds(6), FIFTEEN_MINUTES);
        assertEquals(MemberCall.State.OPEN, later.stateAt(T0.plus(Duration.ofMinutes(15)).plusSeconds(5), FIFTEEN_MINUTES),
                "six seconds after, the activity is written and the idle clock starts again");
    }

    @Test
    void with_a_short_idle_timeout_the_moment_is_a_sixtieth_of_it() {
        IdleTimeout oneMinute = new IdleTimeout(Duration.ofMinutes(1));
        MemberCall call = new MemberCall("+13125550101", "rep1", T0);
        call.touchUnlessRecent(T0.plusMillis(1001), oneMinute);
        assertEquals(MemberCall.State.OPEN, call.stateAt(T0.plusSeconds(61), oneMinute), "1.001 s is past a sixtieth of a minute");

        MemberCall same = new MemberCall("+13125550101", "rep1", T0);
        same.touchUnlessRecent(T0.plusMillis(1000), oneMinute);
        assertEquals(MemberCall.State.TIMED_OUT, same.stateAt(T0.plusSeconds(60).plusMillis(1), oneMinute));
    }
}
