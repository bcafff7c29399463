package coop.tally;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JSON API under {@code /api}. The roles are declared here because without a declaration
 * the container maps no group to a role and every protected call would be refused.
 */
@ApplicationPath("api")
@DeclareRoles({"REP", "SUPERVISOR", "AUDITOR", "ADMIN"})
public class TallyApplication extends Application {
}
