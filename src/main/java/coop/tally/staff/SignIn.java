package coop.tally.staff;

import coop.tally.platform.TallyClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/**
 * Password sign-in with lockout: the fifth failure in a row locks the account for 15 minutes,
 * during which even the right password is refused. The outcome is returned rather than thrown
 * so that the failure counter commits.
 */
@ApplicationScoped
public class SignIn {

    static final int FAILURES_BEFORE_LOCK = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Inject
    StaffDirectory directory;

    @Inject
    StaffIdentityStore identityStore;

    @Inject
    TokenService tokens;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    public sealed interface Outcome permits SignedIn, Refused, Locked {
    }

    public record SignedIn(Staff staff, TokenService.IssuedToken token) implements Outcome {
    }

    public record Refused() implements Outcome {
    }

    public record Locked(Instant until) implements Outcome {
    }

    @Transactional
    public Outcome signIn(String username, String password) {
        Instant now = clock.now();
        var staff = directory.findForUpdate(username);
        if (staff.isPresent() && staff.get().isLockedAt(now)) {
            securityLog.record("LOGIN_REFUSED_LOCKED", username, username, "account locked until " + staff.get().lockedUntil());
            return new Locked(staff.get().lockedUntil());
        }
        CredentialValidationResult result = identityStore.validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return refuse(username, staff.orElse(null), now);
        }
        Staff member = staff.orElseThrow();
        member.recordSuccessfulLogin();
        TokenService.IssuedToken token = tokens.issue(member);
        securityLog.record("LOGIN_SUCCEEDED", username, username, "roles " + member.roles());
        return new SignedIn(member, token);
    }

    private Outcome refuse(String username, Staff staff, Instant now) {
        if (staff == null) {
            securityLog.record("LOGIN_FAILED", null, clip(username), "unknown username");
            return new Refused();
        }
        if (!staff.isEnabled()) {
            securityLog.record("LOGIN_FAILED", username, username, "account disabled");
            return new Refused();
        }
        boolean lockedNow = staff.recordFailedLogin(now, FAILURES_BEFORE_LOCK, LOCK_DURATION);
        securityLog.record("LOGIN_FAILED", username, username, "wrong password");
        if (lockedNow) {
            securityLog.record("STAFF_LOCKED", username, username,
                    FAILURES_BEFORE_LOCK + " failed sign-ins in a row; locked until " + staff.lockedUntil());
            return new Locked(staff.lockedUntil());
        }
        return new Refused();
    }

    private static String clip(String username) {
        return username.length() <= 40 ? username : username.substring(0, 40);
    }
}
