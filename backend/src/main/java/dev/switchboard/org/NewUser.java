package dev.switchboard.org;

import java.util.Set;

/** What it takes to create a local account. The password is hashed at once and never stored as given. */
public record NewUser(
        String username,
        String displayName,
        String email,
        String password,
        Set<UserRole> roles,
        Set<OrgUnitId> memberships) {

    public NewUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        memberships = memberships == null ? Set.of() : Set.copyOf(memberships);
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", roles=" + roles + "]";
    }
}
