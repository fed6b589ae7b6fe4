package dev.switchboard.apikey;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.User;
import dev.switchboard.org.UserRole;
import dev.switchboard.org.UserService;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may manage which keys: platform admins every key; designers and operators the keys of the org
 * units they are members of and of the units below those (a Marketing member manages the keys of
 * Marketing's teams and projects); nobody else.
 */
@Component
class KeyAccess {

    private final UserService users;
    private final OrgService org;

    KeyAccess(UserService users, OrgService org) {
        this.users = users;
        this.org = org;
    }

    String username() {
        Authentication authentication = authentication();
        return authentication.getName();
    }

    boolean isAdmin() {
        return has(authentication(), UserRole.PLATFORM_ADMIN);
    }

    void requireManage(OrgUnitId unit) {
        if (!manageable().test(unit)) {
            throw new AccessDeniedException("not allowed to manage the API keys of org unit " + unit);
        }
    }

    /** The units whose keys the signed-in person may manage. */
    Predicate<OrgUnitId> manageable() {
        Authentication authentication = authentication();
        if (has(authentication, UserRole.PLATFORM_ADMIN)) {
            return unit -> true;
        }
        if (!has(authentication, UserRole.DESIGNER) && !has(authentication, UserRole.OPERATOR)) {
            throw new AccessDeniedException("only platform admins, designers and operators manage API keys");
        }
        Set<OrgUnitId> memberships = users.findByUsername(authentication.getName())
                .map(User::memberships)
                .orElse(Set.of());
        Map<OrgUnitId, OrgUnit> units =
                org.list(true).stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        return unit -> {
            for (OrgUnit u = units.get(unit); u != null; u = u.parentId() == null ? null : units.get(u.parentId())) {
                if (memberships.contains(u.id())) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean has(Authentication authentication, UserRole role) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(role.authority()::equals);
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("managing API keys needs a signed-in user");
        }
        return authentication;
    }
}
