package dev.switchboard.org;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, their roles and their org unit memberships. Platform admins manage them; the platform never
 * loses its last enabled admin.
 */
@Service
public class UserService {

    private final UserRepository users;
    private final OrgService org;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;

    UserService(
            UserRepository users,
            OrgService org,
            PasswordEncoder passwordEncoder,
            ObjectProvider<PasswordPolicy> passwordPolicy,
            Clock clock) {
        this.users = users;
        this.org = org;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy.getIfAvailable(() -> PasswordPolicy.ANY);
        this.clock = clock;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional(readOnly = true)
    public List<User> list() {
        return users.findAll();
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional(readOnly = true)
    public User get(UserId id) {
        return users.findById(id).orElseThrow(() -> new OrgNotFoundException("user", id));
    }

    /** For sign-in: the local credentials of an account, if it has any. */
    @Transactional(readOnly = true)
    public Optional<LocalCredentials> credentialsOf(String username) {
        return users.findCredentials(username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** The signed-in person's own account. */
    @Transactional(readOnly = true)
    public Optional<User> findByUsername(String username) {
        return users.findByUsername(username);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public User create(NewUser command) {
        return createUnchecked(command);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public User updateProfile(UserId id, String displayName, String email, boolean enabled) {
        users.lockUsers();
        User current = get(id);
        if (current.enabled() && !enabled) {
            requireAnotherAdmin(current);
        }
        User updated = new User(
                id,
                current.username(),
                UserRules.displayName(displayName),
                UserRules.email(email),
                current.roles(),
                current.memberships(),
                enabled,
                current.createdAt());
        users.updateProfile(updated);
        return updated;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public User setRoles(UserId id, Set<UserRole> roles) {
        users.lockUsers();
        User current = get(id);
        Set<UserRole> newRoles = UserRules.roles(roles);
        if (current.has(UserRole.PLATFORM_ADMIN) && !newRoles.contains(UserRole.PLATFORM_ADMIN)) {
            requireAnotherAdmin(current);
        }
        users.replaceRoles(id, newRoles);
        return get(id);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public User setMemberships(UserId id, Set<OrgUnitId> units) {
        get(id);
        users.replaceMemberships(id, checkedMemberships(units));
        return get(id);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Transactional
    public void setPassword(UserId id, String password) {
        get(id);
        UserRules.password(password, passwordPolicy);
        users.updatePasswordHash(id, passwordEncoder.encode(password));
    }

    /** For start-up code running without a signed-in user (bootstrap admin, demo seed). */
    @Transactional
    User createUnchecked(NewUser command) {
        String username = UserRules.username(command.username());
        String displayName = UserRules.displayName(command.displayName());
        String email = UserRules.email(command.email());
        Set<UserRole> roles = UserRules.roles(command.roles());
        UserRules.password(command.password(), passwordPolicy);
        Set<OrgUnitId> memberships = checkedMemberships(command.memberships());
        if (users.usernameTaken(username)) {
            throw new OrgValidationException("username", "'" + username + "' is taken");
        }
        User user = new User(
                new UserId(UUID.randomUUID()),
                username,
                displayName,
                email,
                roles,
                memberships,
                true,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        users.insert(user, passwordEncoder.encode(command.password()));
        return user;
    }

    private Set<OrgUnitId> checkedMemberships(Set<OrgUnitId> units) {
        Set<OrgUnitId> result = units == null ? Set.of() : Set.copyOf(units);
        List<OrgUnit> all = org.list(true);
        for (OrgUnitId id : result) {
            OrgUnit unit = all.stream()
                    .filter(u -> u.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new OrgValidationException("memberships", "org unit " + id + " does not exist"));
            if (unit.archived()) {
                throw new OrgValidationException("memberships", "'" + unit.name() + "' is archived");
            }
        }
        return result;
    }

    private void requireAnotherAdmin(User current) {
        if (current.has(UserRole.PLATFORM_ADMIN)
                && current.enabled()
                && users.countEnabledWithRole(UserRole.PLATFORM_ADMIN) <= 1) {
            throw new OrgConflictException("'" + current.username() + "' is the last enabled platform admin");
        }
    }
}
