package coop.tally.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What a staff member may do (DESIGN.md "People"). */
public enum Role {
    REP, SUPERVISOR, AUDITOR, ADMIN;

    /** The only role sets a person may hold: a supervisor is also a rep; auditors and admins hold nothing else. */
    private static final List<Set<Role>> ALLOWED = List.of(
            EnumSet.of(REP), EnumSet.of(SUPERVISOR), EnumSet.of(REP, SUPERVISOR),
            EnumSet.of(AUDITOR), EnumSet.of(ADMIN));

    public static boolean isAllowedCombination(Set<Role> roles) {
        return !roles.isEmpty() && ALLOWED.contains(EnumSet.copyOf(roles));
    }
}
