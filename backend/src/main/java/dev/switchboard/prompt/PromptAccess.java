package dev.switchboard.prompt;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.User;
import dev.switchboard.org.UserRole;
import dev.switchboard.org.UserService;
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
 * Who may do what with templates. Everyone signed in reads the shared (company-wide) templates and
 * those of the org units they belong to and the units below them; platform admins read and change
 * everything; designers change the templates of their units (not the shared ones, which the library
 * import and admins own); designers and operators run the playground, charged to one of their units.
 */
@Component
class PromptAccess {

    /** The signed-in person as far as prompts are concerned. */
    record Caller(String username, Set<UserRole> roles, Set<OrgUnitId> memberships) {
        boolean admin() {
            return roles.contains(UserRole.PLATFORM_ADMIN);
        }

        boolean designer() {
            return admin() || roles.contains(UserRole.DESIGNER);
        }

        boolean runner() {
            return designer() || roles.contains(UserRole.OPERATOR);
        }
    }

    private final UserService users;
    private final OrgService org;

    PromptAccess(UserService users, OrgService org) {
        this.users = users;
        this.org = org;
    }

    Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("prompt templates need a signed-in user");
        }
        Set<UserRole> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(a -> java.util.Arrays.stream(UserRole.values())
                        .filter(r -> r.authority().equals(a)))
                .collect(Collectors.toSet());
        Set<OrgUnitId> memberships = users.findByUsername(authentication.getName())
                .map(User::memberships)
                .orElse(Set.of());
        return new Caller(authentication.getName(), roles, memberships);
    }

    boolean canRead(Caller caller, OrgUnitId unit) {
        return unit == null || caller.admin() || within(caller, unit);
    }

    boolean canEdit(Caller caller, OrgUnitId unit) {
        return caller.admin() || (unit != null && caller.designer() && within(caller, unit));
    }

    /** Unreadable templates are reported as absent: their names are not the caller's business. */
    void requireRead(Caller caller, PromptRepository.TemplateRow template) {
        if (template.archivedAt() != null || !canRead(caller, template.orgUnitId())) {
            throw new PromptNotFoundException("prompt template " + template.id() + " does not exist");
        }
    }

    void requireEdit(Caller caller, OrgUnitId unit) {
        if (!canEdit(caller, unit)) {
            throw new AccessDeniedException(
                    unit == null
                            ? "only platform admins change shared templates"
                            : "only platform admins and designers of org unit " + unit + " change its templates");
        }
    }

    /**
     * The org unit a playground call is charged to: the one asked for (which must be the caller's), else
     * the template's unit when the caller belongs to it, else the caller's first unit, else the company.
     */
    OrgUnitId chargeUnit(Caller caller, OrgUnitId requested, OrgUnitId templateUnit) {
        if (!caller.runner()) {
            throw new AccessDeniedException("only platform admins, designers and operators run prompts on models");
        }
        if (requested != null) {
            org.get(requested);
            if (!caller.admin() && !within(caller, requested)) {
                throw new AccessDeniedException("you can only charge runs to your own org units");
            }
            return requested;
        }
        if (templateUnit != null && within(caller, templateUnit)) {
            return templateUnit;
        }
        return caller.memberships().stream()
                .sorted(java.util.Comparator.comparing(OrgUnitId::value))
                .findFirst()
                .orElseGet(() -> org.company().id());
    }

    /** Whether {@code unit} is one of the caller's units or below one of them. */
    private boolean within(Caller caller, OrgUnitId unit) {
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
