package dev.switchboard.ui.prompt;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.OrgUnitKind;
import dev.switchboard.org.UnitAccess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the signed-in person may do with templates (and workflows, which follow the same rule): the
 * backend's {@link UnitAccess} answers (platform admins change everything, designers what their units
 * and the units below own, never the shared ones; admins, designers and operators run things on
 * models). The facades check again; this only keeps the views from offering what would be refused.
 */
@Component
public class PromptScope {

    static final String SHARED = "Shared (company-wide)";

    /** A unit a template can belong to; {@code id == null} is the company-wide shelf. */
    public record Owner(OrgUnitId id, String label) {}

    private final UnitAccess access;
    private final OrgService org;

    PromptScope(UnitAccess access, OrgService org) {
        this.access = access;
        this.org = org;
    }

    public boolean admin() {
        return access.caller().admin();
    }

    public boolean designer() {
        return access.caller().designer();
    }

    /** Runs cost money: admins, designers and operators (charged to one of their units). */
    public boolean runner() {
        return access.caller().runner();
    }

    public boolean canEdit(OrgUnitId unit) {
        return access.canEdit(access.caller(), unit);
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
        UnitAccess.Caller caller = access.caller();
        org.list(false).stream()
                .filter(u -> access.canEdit(caller, u.id()))
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
}
