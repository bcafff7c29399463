package coop.tally.scorecard;

import coop.tally.platform.TallyClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import java.time.Instant;

/**
 * TEST ONLY, never in the shipped WAR: {@link ScorecardIT} adds this class (and {@link ClockServlet})
 * to its own deployment, where, as an enabled alternative, it replaces {@link TallyClock} for every
 * bean. While a time is set, "now" stands still at that time, so that calls, referrals and
 * reversals happen exactly when a test says; otherwise it is the real clock.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class SettableClock extends TallyClock {

    private static volatile Instant fixed;

    static void set(Instant instant) {
        fixed = instant;
    }

    @Override
    public Instant now() {
        Instant at = fixed;
        return at != null ? at : super.now();
    }
}
