package dev.switchboard.org;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may do what with things an org unit owns (prompt templates, workflows, runs). Everyone signed in
 * reads what is shared company-wide (owner {@code null}) and what their units and the units below them
 * own; platform admins read and change everything; designers change what their units own; designers
 * and operators run things, charged to one of their units.
 */
@Component
public class UnitAccess {

    /** The signed-in person: name, roles and the org units they belong to. */
    public record Caller(String username, Set<UserRole> roles, Set<OrgUnitId> memberships) {
        public boolean admin() {
            return roles.contains(UserRole.PLATFORM_ADMIN);
        }

        public boolean designer() {
            return admin() || roles.contains(UserRole.DESIGNER);
        }

        public boolean runner() {
            return designer() || roles.contains(UserRole.OPERATOR);
        }

        public boolean has(UserRole role) {
            return admin() || roles.contains(role);
        }
    }

    private final UserService users;
    private final OrgService org;

    UnitAccess(UserService users, OrgService org) {
        this.users = users;
        this.org = org;
    }

    /** @throws AccessDeniedException when nobody is signed in */
    public Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("this needs a signed-in user");
        }
        Set<UserRole> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(a -> Arrays.stream(UserRole.values())
                        .filter(r -> r.authority().equals(a)))
                .collect(Collectors.toSet());
        Set<OrgUnitId> memberships = users.findByUsername(authentication.getName())
                .map(User::memberships)
                .orElse(Set.of());
        return new Caller(authentication.getName(), roles, memberships);
    }

    public boolean canRead(Caller caller, OrgUnitId owner) {
        return owner == null || caller.admin() || within(caller, owner);
    }

    public boolean canEdit(Caller caller, OrgUnitId owner) {
        return caller.admin() || (owner != null && caller.designer() && within(caller, owner));
    }

    /**
     * The org unit a run is charged to: the one asked for (which must be the caller's), else the owner
     * when the caller belongs to it, else the caller's first unit, else the company.
     *
     * @throws AccessDeniedException when the caller may not run things or not charge {@code requested}
     */
    public OrgUnitId chargeUnit(Caller caller, OrgUnitId requested, OrgUnitId owner) {
        if (!caller.runner()) {
            throw new AccessDeniedException("only platform admins, designers and operators run things on models");
        }
        if (requested != null) {
            org.get(requested);
            if (!caller.admin() && !within(caller, requested)) {
                throw new AccessDeniedException("you can only charge runs to your own org units");
            }
            return requested;
        }
        if (owner != null && within(caller, owner)) {
            return owner;
        }
        return caller.memberships().stream()
                .sorted(Comparator.comparing(OrgUnitId::value))
                .findFirst()
                .orElseGet(() -> org.company().id());
    }

    /** Whether {@code unit} is one of the caller's units or below one of them. */
    public boolean within(Caller caller, OrgUnitId unit) {
        if (caller.memberships().isEmpty()) {
            return false;
        }
        Map<OrgUnitId, OrgUnit> units =
                org.list(true).stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        for (OrgUnit u = units.get(unit); u != null; u = u.parentId() == null ? null : units.get(u.parentId())) {
            if (caller.memberships().contains(u.id())) {
                return true;
            }
        }
        return false;
    }
}
