package coop.tally.staff;

import coop.tally.crypto.Argon2id;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a staff member's password against its Argon2id hash. An unknown username costs the
 * same hashing work as a known one, so response times do not reveal which usernames exist.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    private static final String UNKNOWN_USER_HASH = Argon2id.DEFAULT.hash("no such staff member");

    @Inject
    StaffDirectory directory;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        var staff = directory.find(credential.getCaller());
        String storedHash = staff.map(Staff::passwordHash).orElse(UNKNOWN_USER_HASH);
        boolean matches = Argon2id.verify(storedHash, credential.getPasswordAsString());
        if (staff.isEmpty() || !matches || !staff.get().isEnabled()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(staff.get().username(), groupsOf(staff.get().roles()));
    }

    static Set<String> groupsOf(Set<Role> roles) {
        return (roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)).stream()
                .map(Role::name).collect(Collectors.toSet());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE);
    }
}
