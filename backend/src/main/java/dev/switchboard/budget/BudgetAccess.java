package dev.switchboard.budget;

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
 * Who may read which budgets: platform admins and finance all of them; everyone else the budgets of
 * the org units they are members of and of the units below those (for a key's budget: the key's unit).
 */
@Component
class BudgetAccess {

    private static final Set<String> SEE_ALL =
            Set.of(UserRole.PLATFORM_ADMIN.authority(), UserRole.FINANCE.authority());

    private final UserService users;
    private final OrgService org;

    BudgetAccess(UserService users, OrgService org) {
        this.users = users;
        this.org = org;
    }

    /** The units whose budgets the signed-in person may read. */
    Predicate<OrgUnitId> readable() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new AccessDeniedException("reading budgets needs a signed-in user");
        }
        if (auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(SEE_ALL::contains)) {
            return unit -> true;
        }
        Set<OrgUnitId> memberships =
                users.findByUsername(auth.getName()).map(User::memberships).orElse(Set.of());
        if (memberships.isEmpty()) {
            return unit -> false;
        }
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

    void requireRead(OrgUnitId unit) {
        if (unit == null || !readable().test(unit)) {
            throw new AccessDeniedException("not allowed to read the budgets of org unit " + unit);
        }
    }
}
