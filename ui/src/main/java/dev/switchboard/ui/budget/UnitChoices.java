package dev.switchboard.ui.budget;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.org.User;
import dev.switchboard.org.UserRole;
import dev.switchboard.org.UserService;
import dev.switchboard.ui.security.CurrentUser;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which org units the signed-in person may pick in the budget views, by the backend's rule for budgets
 * and statements ({@code BudgetAccess}, {@code StatementAccess}): platform admins and finance every
 * unit, everyone else their units and the units below. Money is managed (budgets created, periods
 * closed, provider balances read) by platform admins and finance. The services check again; this only
 * keeps the UI from offering what would be refused.
 */
@Component
class UnitChoices {

    private final CurrentUser user;
    private final UserService users;
    private final OrgService org;

    UnitChoices(CurrentUser user, UserService users, OrgService org) {
        this.user = user;
        this.users = users;
        this.org = org;
    }

    /** Platform admins and finance: they create budgets, close periods and read provider balances. */
    boolean managesMoney() {
        Set<UserRole> roles = user.roles();
        return roles.contains(UserRole.PLATFORM_ADMIN) || roles.contains(UserRole.FINANCE);
    }

    /** The organisation now, seen by the signed-in person. */
    Units units() {
        Set<OrgUnitId> memberships = user.username()
                .flatMap(users::findByUsername)
                .map(User::memberships)
                .orElse(Set.of());
        return new Units(org.list(true), memberships, managesMoney());
    }

    /** Names and the units the person may pick, their own first. */
    static final class Units {

        private final Map<OrgUnitId, OrgUnit> byId;
        private final List<OrgUnit> readable;
        private final List<OrgUnit> own;

        Units(List<OrgUnit> all, Set<OrgUnitId> memberships, boolean seesAll) {
            this.byId = all.stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
            List<OrgUnit> active = all.stream()
                    .filter(u -> !u.archived())
                    .sorted(Comparator.comparing(this::label, String.CASE_INSENSITIVE_ORDER))
                    .toList();
            this.readable = seesAll
                    ? active
                    : active.stream().filter(u -> insideAny(u, memberships)).toList();
            this.own = active.stream().filter(u -> memberships.contains(u.id())).toList();
        }

        List<OrgUnit> readable() {
            return readable;
        }

        /** Where a view starts: the person's first own unit, else the first readable one. */
        OrgUnit start() {
            return own.stream()
                    .filter(readable::contains)
                    .findFirst()
                    .orElse(readable.isEmpty() ? null : readable.getFirst());
        }

        /** A unit as people find it: its path below the company ({@code Marketing / Brand}). */
        String label(OrgUnit unit) {
            Deque<String> names = new ArrayDeque<>();
            for (OrgUnit u = unit; u != null; u = parent(u)) {
                if (u.kind() != OrgUnitKind.COMPANY || u == unit) {
                    names.addFirst(u.name());
                }
            }
            return String.join(" / ", names) + (unit.archived() ? " (archived)" : "");
        }

        /** The label of the unit with this id; empty for none, the id itself for an unknown unit. */
        String label(OrgUnitId id) {
            if (id == null) {
                return "";
            }
            OrgUnit unit = byId.get(id);
            return unit == null ? id.toString() : label(unit);
        }

        private boolean insideAny(OrgUnit unit, Set<OrgUnitId> roots) {
            for (OrgUnit u = unit; u != null; u = parent(u)) {
                if (roots.contains(u.id())) {
                    return true;
                }
            }
            return false;
        }

        private OrgUnit parent(OrgUnit unit) {
            return unit.parentId() == null ? null : byId.get(unit.parentId());
        }
    }
}
