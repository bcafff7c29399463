package coop.tally.staff;

import java.util.Set;

/**
 * The staff member a request was authenticated as, as read with the token: kept on the request
 * ({@link BearerTokenMechanism#signedInStaff}) so that resources need not look the same staff member up again.
 */
public record SignedInStaff(String username, Set<Role> roles, String memberNumber) {

    static final String ATTRIBUTE = "coop.tally.staff.signedIn";

    /** A copy of the roles: the staff member's own collection belongs to the transaction that read it. */
    public SignedInStaff {
        roles = Set.copyOf(roles);
    }

    static SignedInStaff of(Staff staff) {
        return new SignedInStaff(staff.username(), staff.roles(), staff.memberNumber());
    }


    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
