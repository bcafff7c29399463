package coop.tally.staff;

import coop.tally.web.AccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Puts every refusal for lack of a role on the security log. */
@ApplicationScoped
class AccessDeniedLogger {

    @Inject
    SecurityLog securityLog;

    void onAccessDenied(@Observes AccessDenied denied) {
        securityLog.record("ACCESS_DENIED", denied.actor(), denied.path(), denied.method());
    }
}
