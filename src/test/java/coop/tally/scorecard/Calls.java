package coop.tally.scorecard;

import coop.tally.caller.CallHistory.PastCall;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Constructed calls for the scorecard tests. */
final class Calls {

    private static final AtomicInteger IDS = new AtomicInteger();

    private Calls() {
    }

    static PastCall call(String rep, String member, String start, String end, String disposition) {
        return new PastCall("c" + IDS.incrementAndGet(), rep, member, Instant.parse(start),
                end == null ? null : Instant.parse(end), disposition);
    }
}
