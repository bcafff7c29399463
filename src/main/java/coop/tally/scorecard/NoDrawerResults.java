package coop.tally.scorecard;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/** Drawer results before cash drawers exist: there is no drawer data for anyone. */
@ApplicationScoped
public class NoDrawerResults implements DrawerResults {

    @Override
    public Optional<OverShort> overShort(String rep, Instant from, Instant to) {
        return Optional.empty();
    }
}
