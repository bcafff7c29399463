package coop.tally.staff;

import coop.tally.platform.SchemaReady;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo teams, after the demo staff exist: rep1 and rep2 report to super1. super2 leads no team
 * (so that the demo shows a supervisor who cannot see rep1's scorecard), and the supervisors
 * report to nobody.
 */
@ApplicationScoped
public class DemoTeams {

    @Inject
    Teams teams;

    @Inject
    @ConfigProperty(name = "tally.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Transactional
    void load(@Observes @Priority(110) SchemaReady ready) {
        if (!enabled || !teams.all().isEmpty()) {
            return;
        }
        teams.seed("rep1", "super1");
        teams.seed("rep2", "super1");
    }
}
