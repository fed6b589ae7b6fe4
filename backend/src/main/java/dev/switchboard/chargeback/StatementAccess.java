package dev.switchboard.chargeback;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.User;
import dev.switchboard.org.UserRole;
import dev.switchboard.org.UserService;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may read which statements: platform admins and finance every unit's; everyone else those of the
 * units they are members of and of the units below them (the usage ledger's rule).
 */
@Component
class StatementAccess {

    private static final Set<String> SEE_ALL =
            Set.of(UserRole.PLATFORM_ADMIN.authority(), UserRole.FINANCE.authority());

    private final OrgService org;
    private final UserService users;

    StatementAccess(OrgService org, UserService users) {
        this.org = org;
        this.users = users;
    }

    void requireMayRead(OrgUnitId unit) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            throw new AccessDeniedException("sign in to read chargeback statements");
        }
        if (caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(SEE_ALL::contains)) {
            return;
        }
        Set<OrgUnitId> memberships =
                users.findByUsername(caller.getName()).map(User::memberships).orElse(Set.of());
        if (org.pathToRoot(unit).stream().map(OrgUnit::id).noneMatch(memberships::contains)) {
            throw new AccessDeniedException("not a member of org unit " + unit + " or a unit above it");
        }
    }

    String username() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null ? "system" : caller.getName();
    }
}
