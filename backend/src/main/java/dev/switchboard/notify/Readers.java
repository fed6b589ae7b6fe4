package dev.switchboard.notify;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.User;
import dev.switchboard.org.UserRole;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Works out the signed-in {@link Reader}: admins and finance see every unit, members theirs and below. */
@Component
class Readers {

    private static final Set<String> SEE_ALL =
            Set.of(UserRole.PLATFORM_ADMIN.authority(), UserRole.FINANCE.authority());

    private final dev.switchboard.org.UserService users;
    private final OrgService org;

    Readers(dev.switchboard.org.UserService users, OrgService org) {
        this.users = users;
        this.org = org;
    }

    Reader current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new AccessDeniedException("notifications need a signed-in user");
        }
        boolean all = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(SEE_ALL::contains);
        Optional<User> user = users.findByUsername(auth.getName());
        Set<OrgUnitId> memberships = user.map(User::memberships).orElse(Set.of());
        return new Reader(
                auth.getName(), user.map(User::id).orElse(null), all, all ? Set.of() : atOrBelow(memberships));
    }

    /** The units that are one of {@code memberships} or lie below one. */
    private Set<UUID> atOrBelow(Set<OrgUnitId> memberships) {
        if (memberships.isEmpty()) {
            return Set.of();
        }
        Map<OrgUnitId, OrgUnit> units =
                org.list(true).stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        Set<UUID> visible = new HashSet<>();
        for (OrgUnit unit : units.values()) {
            for (OrgUnit u = unit; u != null; u = u.parentId() == null ? null : units.get(u.parentId())) {
                if (memberships.contains(u.id())) {
                    visible.add(unit.id().value());
                    break;
                }
            }
        }
        return visible;
    }
}
