package coop.tally.drawer;

import coop.tally.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drawer defaults, read through MicroProfile Config: the cash limit a new drawer gets
 * ({@code tally.drawer.cash-limit}, 25000.00) and the over/short a close accepts without a
 * supervisor ({@code tally.drawer.close-tolerance}, 5.00).
 */
@ApplicationScoped
public class DrawerSettings {

    @Inject
    @ConfigProperty(name = "tally.drawer.cash-limit", defaultValue = "25000.00")
    String cashLimit;

    @Inject
    @ConfigProperty(name = "tally.drawer.close-tolerance", defaultValue = "5.00")
    String closeTolerance;

    public Money cashLimit() {
        return Money.of(cashLimit);
    }

    public Money closeTolerance() {
        return Money.of(closeTolerance);
    }
}
