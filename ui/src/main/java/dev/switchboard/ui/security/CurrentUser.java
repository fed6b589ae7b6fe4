package dev.switchboard.ui.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.switchboard.org.User;
import dev.switchboard.org.UserRole;
import dev.switchboard.org.UserService;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The person signed in to this browser session, as views need them: a name to show, their roles, and
 * sign-out. Roles come from the session's authorities (what method security checks too), not from a
 * fresh database read, so that what the UI offers matches what the services will allow.
 */
@Component
public class CurrentUser {

    private static final String ROLE_PREFIX = "ROLE_";

    private final AuthenticationContext authentication;
    private final UserService users;

    CurrentUser(AuthenticationContext authentication, UserService users) {
        this.authentication = authentication;
        this.users = users;
    }

    /** The sign-in name, if someone is signed in. */
    public Optional<String> username() {
        return authentication.getPrincipalName();
    }

    /** The account's display name; the sign-in name for principals without a local account. */
    public String displayName() {
        String username = username().orElse("");
        return users.findByUsername(username).map(User::displayName).orElse(username);
    }

    /** The platform roles among the session's authorities (others, if any, are ignored). */
    public Set<UserRole> roles() {
        Set<UserRole> roles = EnumSet.noneOf(UserRole.class);
        authentication.getGrantedAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length()))
                .flatMap(name ->
                        Arrays.stream(UserRole.values()).filter(r -> r.name().equals(name)))
                .forEach(roles::add);
        return roles;
    }

    /** Whether the UI should offer changes to the platform set-up (the services check again). */
    public boolean isPlatformAdmin() {
        return roles().contains(UserRole.PLATFORM_ADMIN);
    }

    /** Signs out of this session and returns to the sign-in page. */
    public void signOut() {
        authentication.logout();
    }
}
