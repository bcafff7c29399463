package coop.tally.staff;

import coop.tally.crypto.Argon2id;
import coop.tally.platform.TallyClock;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What ADMIN does to staff accounts; every change goes to the security log. */
@ApplicationScoped
public class StaffAdministration {

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,39}");

    @Inject
    StaffDirectory directory;

    @Inject
    TokenService tokens;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    @Transactional
    public Staff create(String admin, String username, String displayName, Set<Role> roles, String password) {
        if (!USERNAME.matcher(username).matches()) {
            throw new Refusal(Refusal.Kind.INVALID, "USERNAME_INVALID",
                    "A username is 2-40 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.");
        }
        if (!Role.isAllowedCombination(roles)) {
            throw new Refusal(Refusal.Kind.INVALID, "ROLE_COMBINATION_NOT_ALLOWED",
                    "Allowed roles: REP, SUPERVISOR (with or without REP), AUDITOR alone, ADMIN alone.",
                    Map.of("roles", roles.stream().map(Role::name).sorted().toList()));
        }
        checkPassword(password);
        if (directory.find(username).isPresent()) {
            throw Refusal.conflict("USERNAME_TAKEN", "A staff account with that username exists.");
        }
        Staff staff = new Staff(username, displayName, Argon2id.DEFAULT.hash(password), EnumSet.copyOf(roles), clock.now());
        directory.add(staff);
        securityLog.record("STAFF_CREATED", admin, username, "roles " + roles);
        return staff;
    }

    @Transactional
    public Staff resetPassword(String admin, String username, String newPassword) {
        checkPassword(newPassword);
        Staff staff = existing(username);
        staff.changePassword(Argon2id.DEFAULT.hash(newPassword));
        tokens.revokeAllOf(staff, "PASSWORD_RESET");
        securityLog.record("PASSWORD_RESET", admin, username, "sessions revoked, lockout cleared");
        return staff;
    }

    @Transactional
    public Staff disable(String admin, String username) {
        if (admin.equals(username)) {
            throw Refusal.byRules("CANNOT_DISABLE_SELF", "An administrator cannot disable their own account.");
        }
        Staff staff = existing(username);
        staff.disable();
        tokens.revokeAllOf(staff, "DISABLED");
        securityLog.record("STAFF_DISABLED", admin, username, "sessions revoked");
        return staff;
    }

    @Transactional
    public Staff enable(String admin, String username) {
        Staff staff = existing(username);
        staff.enable();
        securityLog.record("STAFF_ENABLED", admin, username, null);
        return staff;
    }

    @Transactional
    public List<Staff> all() {
        return directory.all();
    }

    private Staff existing(String username) {
        return directory.findForUpdate(username)
                .orElseThrow(() -> Refusal.notFound("STAFF_NOT_FOUND", "No staff account with that username."));
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new Refusal(Refusal.Kind.INVALID, "PASSWORD_TOO_SHORT",
                    "A password has at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }
}
