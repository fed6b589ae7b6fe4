package dev.switchboard.ui.prompt;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.org.User;
import dev.switchboard.org.UserRole;
import dev.switchboard.org.UserService;
import dev.switchboard.ui.security.CurrentUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the signed-in person may do with templates (and workflows, which follow the same rule), by the
 * backend's {@code UnitAccess}:
 * platform admins change every template, designers those of their units and the units below (never the
 * shared ones); admins, designers and operators run them on models. The facades check again; this only
 * keeps the views from offering what would be refused.
 */
@Component
public class PromptScope {

    static final String SHARED = "Shared (company-wide)";

    /** A unit a template can belong to; {@code id == null} is the company-wide shelf. */
    public record Owner(OrgUnitId id, String label) {}

    private final CurrentUser user;
    private final UserService users;
    private final OrgService org;

    PromptScope(CurrentUser user, UserService users, OrgService org) {
        this.user = user;
        this.users = users;
        this.org = org;
    }

    public boolean admin() {
        return user.roles().contains(UserRole.PLATFORM_ADMIN);
    }

    public boolean designer() {
        return admin() || user.roles().contains(UserRole.DESIGNER);
    }

    /** Runs cost money: admins, designers and operators (charged to one of their units). */
    public boolean runner() {
        return designer() || user.roles().contains(UserRole.OPERATOR);
    }

    public boolean canEdit(OrgUnitId unit) {
        return admin() || (unit != null && designer() && within(unit));
    }

    /** Why the person cannot change a template of {@code unit}, in words. */
    String whyReadOnly(OrgUnitId unit) {
        return unit == null
                ? "Shared templates belong to the bundled library: only platform admins change them."
                        + " Import its YAML into your unit to make your own."
                : "Only platform admins and designers of " + label(unit) + " change this template.";
    }

    /** Where the person may create templates: admins anywhere (shared too), designers in their units. */
    public List<Owner> owners() {
        List<Owner> owners = new ArrayList<>();
        if (admin()) {
            owners.add(new Owner(null, SHARED));
        }
        org.list(false).stream()
                .filter(u -> canEdit(u.id()))
                .map(u -> new Owner(u.id(), label(u.id())))
                .sorted(Comparator.comparing(Owner::label, String.CASE_INSENSITIVE_ORDER))
                .forEach(owners::add);
        return owners;
    }

    /** A unit as people find it: its path below the company ({@code Marketing / Brand}). */
    public String label(OrgUnitId unit) {
        if (unit == null) {
            return SHARED;
        }
        List<OrgUnit> path = org.pathToRoot(unit);
        List<String> names = path.reversed().stream()
                .filter(u -> u.kind() != OrgUnitKind.COMPANY || u.id().equals(unit))
                .map(OrgUnit::name)
                .toList();
        return names.isEmpty() ? unit.toString() : String.join(" / ", names);
    }

    private boolean within(OrgUnitId unit) {
        Set<OrgUnitId> memberships = user.username()
                .flatMap(users::findByUsername)
                .map(User::memberships)
                .orElse(Set.of());
        Set<OrgUnitId> upwards = org.pathToRoot(unit).stream().map(OrgUnit::id).collect(Collectors.toSet());
        return memberships.stream().anyMatch(upwards::contains);
    }
}
