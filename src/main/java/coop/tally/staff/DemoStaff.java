package coop.tally.staff;

import coop.tally.crypto.Argon2id;
import coop.tally.platform.SchemaReady;
import coop.tally.platform.TallyClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * Demo staff of every role on first start (when {@code tally.demo.enabled}), all with the
 * published password {@value #DEMO_PASSWORD}. rep2 is also member 100002, to show that staff
 * cannot touch their own accounts.
 */
@ApplicationScoped
public class DemoStaff {

    public static final String DEMO_PASSWORD = "tally-demo";
    private static final Logger LOG = Logger.getLogger(DemoStaff.class.getName());

    @Inject
    StaffDirectory directory;

    @Inject
    TallyClock clock;

    @Inject
    @ConfigProperty(name = "tally.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Transactional
    void load(@Observes @Priority(100) SchemaReady ready) {
        if (!enabled) {
            return;
        }
        LOG.warning("DEMO MODE: demo staff accounts (rep1, rep2, super1, super2, audit1, admin1) use the published "
                + "password '" + DEMO_PASSWORD + "'. Never run demo mode with real member data.");
        if (directory.count() > 0) {
            return;
        }
        add("rep1", "Riley Rep", EnumSet.of(Role.REP), null);
        add("rep2", "Robin Rep", EnumSet.of(Role.REP), "100002");
        add("super1", "Sam Supervisor", EnumSet.of(Role.SUPERVISOR, Role.REP), null);
        add("super2", "Sasha Supervisor", EnumSet.of(Role.SUPERVISOR, Role.REP), null);
        add("audit1", "Avery Auditor", EnumSet.of(Role.AUDITOR), null);
        add("admin1", "Alex Admin", EnumSet.of(Role.ADMIN), null);
        LOG.info("Demo staff created.");
    }

    private void add(String username, String name, EnumSet<Role> roles, String memberNumber) {
        Staff staff = new Staff(username, name, Argon2id.DEFAULT.hash(DEMO_PASSWORD), roles, clock.now());
        if (memberNumber != null) {
            staff.linkMembership(memberNumber);
        }
        directory.add(staff);
    }
}
