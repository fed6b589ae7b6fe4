package dev.switchboard.prompt;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.UnitAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with templates: the rules of {@link UnitAccess} (everyone signed in reads shared
 * templates and those of their units; designers change their units' templates, platform admins all),
 * with unreadable templates reported as absent.
 */
@Component
class PromptAccess {

    private final UnitAccess units;

    PromptAccess(UnitAccess units) {
        this.units = units;
    }

    UnitAccess.Caller caller() {
        return units.caller();
    }

    boolean canRead(UnitAccess.Caller caller, OrgUnitId unit) {
        return units.canRead(caller, unit);
    }

    boolean canEdit(UnitAccess.Caller caller, OrgUnitId unit) {
        return units.canEdit(caller, unit);
    }

    /** Unreadable templates are reported as absent: their names are not the caller's business. */
    void requireRead(UnitAccess.Caller caller, PromptRepository.TemplateRow template) {
        if (template.archivedAt() != null || !canRead(caller, template.orgUnitId())) {
            throw new PromptNotFoundException("prompt template " + template.id() + " does not exist");
        }
    }

    void requireEdit(UnitAccess.Caller caller, OrgUnitId unit) {
        if (!canEdit(caller, unit)) {
            throw new AccessDeniedException(
                    unit == null
                            ? "only platform admins change shared templates"
                            : "only platform admins and designers of org unit " + unit + " change its templates");
        }
    }

    /** The org unit a playground call is charged to; see {@link UnitAccess#chargeUnit}. */
    OrgUnitId chargeUnit(UnitAccess.Caller caller, OrgUnitId requested, OrgUnitId templateUnit) {
        return units.chargeUnit(caller, requested, templateUnit);
    }
}
