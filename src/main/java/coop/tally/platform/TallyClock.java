package coop.tally.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one source of "now" and of the credit union's time zone (default America/Chicago), which
 * decides calendar dates, months and quarters.
 */
@ApplicationScoped
public class TallyClock {

    @Inject
    @ConfigProperty(name = "tally.zone", defaultValue = "America/Chicago")
    String zone;

    private final Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone());
    }
}
