package dev.switchboard.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A decision a run waits for: who may make it (a role, an org unit, or both), what to fill in, by when.
 *
 * @param status OPEN, APPROVED, REJECTED, TIMED_OUT or CANCELLED
 * @param runUnitId the org unit the run belongs to
 */
public record Approval(
        UUID id,
        UUID runId,
        String workflowKey,
        String stepKey,
        String nodeId,
        String title,
        String instructions,
        String role,
        UUID orgUnitId,
        UUID runUnitId,
        String fieldsJson,
        String status,
        String decidedBy,
        String decisionJson,
        Instant createdAt,
        Instant dueAt,
        Instant decidedAt) {}
