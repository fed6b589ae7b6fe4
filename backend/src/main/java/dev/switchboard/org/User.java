package dev.switchboard.org;

import java.time.Instant;
import java.util.Set;

/**
 * A person who signs in. Local accounts carry a bcrypt hash (never exposed); accounts that come from
 * an identity provider later carry its subject instead.
 *
 * @param memberships the org units the user belongs to
 */
public record User(
        UserId id,
        String username,
        String displayName,
        String email,
        Set<UserRole> roles,
        Set<OrgUnitId> memberships,
        boolean enabled,
        Instant createdAt) {

    public User {
        roles = Set.copyOf(roles);
        memberships = Set.copyOf(memberships);
    }

    public boolean has(UserRole role) {
        return roles.contains(role);
    }
}
