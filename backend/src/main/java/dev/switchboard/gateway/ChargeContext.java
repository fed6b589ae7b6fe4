package dev.switchboard.gateway;

import dev.switchboard.org.OrgUnitId;
import java.util.Objects;
import java.util.UUID;

/**
 * Who pays for a model call: the org unit (and project) it is charged to, the consumer key, and for
 * calls from inside the platform the workflow run and step that made them.
 *
 * @param apiKeyId {@code null} for the master key and internal callers
 */
public record ChargeContext(OrgUnitId orgUnit, OrgUnitId project, UUID apiKeyId, String workflowRunId, String stepId) {

    public ChargeContext {
        Objects.requireNonNull(orgUnit, "orgUnit");
    }

    public static ChargeContext of(OrgUnitId orgUnit) {
        return new ChargeContext(orgUnit, null, null, null, null);
    }
}
