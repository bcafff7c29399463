package coop.tally.scorecard;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static coop.tally.scorecard.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HandlingTimeTest {

    @Test
    void the_average_is_the_mean_of_start_to_end_in_whole_seconds() {
        var calls = List.of(
                call("rep1", "100001", "2026-01-10T15:00:00Z", "2026-01-10T15:04:00Z", "RESOLVED"),   // 240 s
                call("rep1", "100003", "2026-01-11T15:00:00Z", "2026-01-11T15:06:30Z", "RESOLVED"),   // 390 s
                call("rep1", "100004", "2026-01-12T15:00:00Z", "2026-01-12T15:02:01Z", "ABANDONED")); // 121 s
        assertEquals(OptionalLong.of(250), HandlingTime.averageSeconds(calls)); // 751 / 3 = 250.33
    }

    @Test
    void a_half_second_mean_rounds_up_once_on_the_mean() {
        var calls = List.of(
                call("rep1", "100001", "2026-01-10T15:00:00Z", "2026-01-10T15:00:10Z", "RESOLVED"),
                call("rep1", "100001", "2026-01-10T16:00:00Z", "2026-01-10T16:00:11Z", "RESOLVED"));
        assertEquals(OptionalLong.of(11), HandlingTime.averageSeconds(calls)); // 10.5
        var fractions = List.of(
                call("rep1", "100001", "2026-01-10T15:00:00Z", "2026-01-10T15:00:10.400Z", "RESOLVED"),
                call("rep1", "100001", "2026-01-10T16:00:00Z", "2026-01-10T16:00:10.400Z", "RESOLVED"));
        assertEquals(OptionalLong.of(10), HandlingTime.averageSeconds(fractions)); // 10.4, not 10 + 10 rounded apart
    }

    @Test
    void no_calls_no_average() {
        assertEquals(OptionalLong.empty(), HandlingTime.averageSeconds(List.of()));
    }
}
