package coop.tally.scorecard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static coop.tally.scorecard.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FirstCallResolutionTest {

    @Test
    void resolved_calls_without_a_repeat_within_seven_days_count() {
        var resolvedNoRepeat = call("rep1", "100001", "2026-01-05T15:00:00Z", "2026-01-05T15:05:00Z", "RESOLVED");
        var resolvedButCalledBack = call("rep1", "100003", "2026-01-06T15:00:00Z", "2026-01-06T15:05:00Z", "RESOLVED");
        var callBack = call("rep2", "100003", "2026-01-13T15:04:59Z", "2026-01-13T15:10:00Z", "RESOLVED"); // 6d23h59m59s later
        var notResolved = call("rep1", "100004", "2026-01-07T15:00:00Z", "2026-01-07T15:05:00Z", "CALLBACK_NEEDED");
        var resolvedCallBackAfterEightDays = call("rep1", "100005", "2026-01-08T15:00:00Z", "2026-01-08T15:05:00Z", "RESOLVED");
        var lateCallBack = call("rep1", "100005", "2026-01-15T15:05:01Z", "2026-01-15T15:06:00Z", "RESOLVED"); // 7d + 1s after end
        var noMember = call("rep1", null, "2026-01-09T15:00:00Z", "2026-01-09T15:01:00Z", "ABANDONED");
        var handled = List.of(resolvedNoRepeat, resolvedButCalledBack, notResolved, resolvedCallBackAfterEightDays, noMember);
        var all = List.of(resolvedNoRepeat, resolvedButCalledBack, callBack, notResolved, resolvedCallBackAfterEightDays,
                lateCallBack, noMember);

        FirstCallResolution.Result result = FirstCallResolution.of(handled, all);

        assertEquals(2, result.resolved());
        assertEquals(4, result.eligible(), "a call that identified no member is not counted");
        assertEquals(Optional.of(new BigDecimal("50.0")), result.percent());
    }

    @Test
    void the_percent_has_one_decimal_rounded_half_up() {
        var a = call("rep1", "100001", "2026-01-05T15:00:00Z", "2026-01-05T15:05:00Z", "RESOLVED");
        var b = call("rep1", "100003", "2026-01-05T16:00:00Z", "2026-01-05T16:05:00Z", "RESOLVED");
        var c = call("rep1", "100004", "2026-01-05T17:00:00Z", "2026-01-05T17:05:00Z", "ABANDONED");
        var result = FirstCallResolution.of(List.of(a, b, c), List.of(a, b, c));
        assertEquals(Optional.of(new BigDecimal("66.7")), result.percent());
    }

    @Test
    void an_earlier_call_of_the_member_is_no_repeat() {
        var earlier = call("rep2", "100001", "2026-01-04T15:00:00Z", "2026-01-04T15:05:00Z", "CALLBACK_NEEDED");
        var resolved = call("rep1", "100001", "2026-01-05T15:00:00Z", "2026-01-05T15:05:00Z", "RESOLVED");
        var result = FirstCallResolution.of(List.of(resolved), List.of(earlier, resolved));
        assertEquals(Optional.of(new BigDecimal("100.0")), result.percent());
    }

    @Test
    void a_call_that_overlaps_this_one_is_no_repeat() {
        var resolved = call("rep1", "100001", "2026-01-05T15:00:00Z", "2026-01-05T15:10:00Z", "RESOLVED");
        var overlapping = call("rep2", "100001", "2026-01-05T15:05:00Z", "2026-01-05T15:20:00Z", "RESOLVED");
        var atTheEnd = call("rep2", "100001", "2026-01-05T15:10:00Z", "2026-01-05T15:12:00Z", "RESOLVED");
        assertEquals(Optional.of(new BigDecimal("100.0")),
                FirstCallResolution.of(List.of(resolved), List.of(resolved, overlapping, atTheEnd)).percent(),
                "calls that start before this one has ended are not callbacks");
        var callback = call("rep2", "100001", "2026-01-05T15:10:01Z", "2026-01-05T15:12:00Z", "RESOLVED");
        assertEquals(Optional.of(new BigDecimal("0.0")),
                FirstCallResolution.of(List.of(resolved), List.of(resolved, overlapping, callback)).percent(),
                "a call one second after the end is");
    }

    @Test
    void nothing_eligible_no_percent() {
        assertEquals(Optional.empty(), FirstCallResolution.of(List.of(), List.of()).percent());
    }
}
