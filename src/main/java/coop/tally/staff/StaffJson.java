package coop.tally.staff;

import coop.tally.web.JsonBuilders;
import jakarta.json.JsonObjectBuilder;

/** The JSON shape of a staff account (never its password hash). */
final class StaffJson {

    private StaffJson() {
    }

    static JsonObjectBuilder of(Staff staff) {
        JsonObjectBuilder json = JsonBuilders.JSON.createObjectBuilder()
                .add("username", staff.username())
                .add("displayName", staff.displayName())
                .add("roles", JsonBuilders.JSON.createArrayBuilder(StaffIdentityStore.groupsOf(staff.roles()).stream().sorted().toList()))
                .add("enabled", staff.isEnabled());
        if (staff.memberNumber() != null) {
            json.add("memberNumber", staff.memberNumber());
        }
        if (staff.lockedUntil() != null && staff.isLockedAt(java.time.Instant.now())) {
            json.add("lockedUntil", staff.lockedUntil().toString());
        }
        return json;
    }
}
