package dev.switchboard.org;

import java.util.Set;

/** What the sign-in needs of a local account: its bcrypt hash, roles and whether it may sign in. */
public record LocalCredentials(String username, String passwordHash, Set<UserRole> roles, boolean enabled) {

    @Override
    public String toString() {
        return "LocalCredentials[username=" + username + ", roles=" + roles + ", enabled=" + enabled + "]";
    }
}
