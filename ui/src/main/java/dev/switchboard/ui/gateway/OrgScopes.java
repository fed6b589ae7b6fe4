package dev.switchboard.ui.gateway;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.org.User;
import dev.switchboard.org.UserRole;
import dev.switchboard.org.UserService;
import dev.switchboard.ui.security.CurrentUser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which org units the signed-in person may choose in the gateway views, by the backend's rules: keys
 * are managed by platform admins (any unit) and by designers and operators (their units and the units
 * below); usage is seen whole by platform admins and finance, by everyone else for their units and the
 * units below ({@code UsageController}'s rule). The services check again; these lists only keep the UI
 * from offering what would be refused.
 */
@Component
class OrgScopes {

    private final CurrentUser user;
    private final UserService users;
    private final OrgService org;

    OrgScopes(CurrentUser user, UserService users, OrgService org) {
        this.user = user;
        this.users = users;
        this.org = org;
    }

    /** Every unit, archived ones included (old keys and ledger rows still name them). */
    Directory directory() {
        return new Directory(org.list(true));
    }

    boolean isAdmin() {
        return has(UserRole.PLATFORM_ADMIN);
    }

    boolean seesAllUsage() {
        return has(UserRole.PLATFORM_ADMIN) || has(UserRole.FINANCE);
    }

    /** Whether the person may manage API keys at all (and so spend through the try-it console). */
    boolean managesKeys() {
        return has(UserRole.PLATFORM_ADMIN) || has(UserRole.DESIGNER) || has(UserRole.OPERATOR);
    }

    /** Units a new key may be charged to. */
    List<OrgUnit> keyUnits(Directory units) {
        if (isAdmin()) {
            return units.active();
        }
        return managesKeys() ? units.atOrBelow(memberships()) : List.of();
    }

    /**
     * Units a try-it call may be charged to: the person's own memberships (a platform admin may charge
     * any unit, as the master key charges the company).
     */
    List<OrgUnit> chargeableUnits(Directory units) {
        if (isAdmin()) {
            List<OrgUnit> mine = units.members(memberships());
            List<OrgUnit> all = new ArrayList<>(mine);
            units.active().stream().filter(u -> !mine.contains(u)).forEach(all::add);
            return all;
        }
        return managesKeys() ? units.members(memberships()) : List.of();
    }

    /** Units whose usage the person may read; for those who see everything, every active unit. */
    List<OrgUnit> usageUnits(Directory units) {
        return seesAllUsage() ? units.active() : units.atOrBelow(memberships());
    }

    /** The person's memberships, first ones first in tree order. */
    List<OrgUnit> memberUnits(Directory units) {
        return units.members(memberships());
    }

    private Set<OrgUnitId> memberships() {
        return user.username()
                .flatMap(users::findByUsername)
                .map(User::memberships)
                .orElse(Set.of());
    }

    private boolean has(UserRole role) {
        return user.roles().contains(role);
    }

    /** The organisation at one moment: names, paths and subtrees. */
    static final class Directory {

        private final Map<OrgUnitId, OrgUnit> byId;
        private final List<OrgUnit> inTreeOrder;

        Directory(Collection<OrgUnit> all) {
            this.byId = all.stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
            this.inTreeOrder = all.stream()
                    .sorted(Comparator.comparing(this::label, String.CASE_INSENSITIVE_ORDER))
                    .toList();
        }

        /** A unit as people find it: its path below the company ({@code Marketing / Brand}). */
        String label(OrgUnit unit) {
            Deque<String> names = new ArrayDeque<>();
            for (OrgUnit u = unit; u != null; u = u.parentId() == null ? null : byId.get(u.parentId())) {
                if (u.kind() != OrgUnitKind.COMPANY || u == unit) {
                    names.addFirst(u.name());
                }
            }
            return String.join(" / ", names) + (unit.archived() ? " (archived)" : "");
        }

        /** The label of the unit with this id, or the id itself if the unit is unknown. */
        String label(OrgUnitId id) {
            if (id == null) {
                return "";
            }
            OrgUnit unit = byId.get(id);
            return unit == null ? id.toString() : label(unit);
        }

        List<OrgUnit> active() {
            return inTreeOrder.stream().filter(u -> !u.archived()).toList();
        }

        List<OrgUnit> members(Set<OrgUnitId> ids) {
            return active().stream().filter(u -> ids.contains(u.id())).toList();
        }

        /** The active units among {@code roots} and everything below them. */
        List<OrgUnit> atOrBelow(Set<OrgUnitId> roots) {
            Set<OrgUnitId> inside = new LinkedHashSet<>();
            for (OrgUnit unit : active()) {
                for (OrgUnit u = unit; u != null; u = u.parentId() == null ? null : byId.get(u.parentId())) {
                    if (roots.contains(u.id())) {
                        inside.add(unit.id());
                        break;
                    }
                }
            }
            return active().stream().filter(u -> inside.contains(u.id())).toList();
        }
    }
}
