package dev.switchboard.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A workflow in a list: its newest name, its newest published version (if any) and whether a draft is
 * open.
 *
 * @param orgUnitId the owner; {@code null} when shared company-wide
 */
public record WorkflowSummary(
        UUID id,
        String key,
        String name,
        UUID orgUnitId,
        Integer publishedVersion,
        boolean draftOpen,
        Instant updatedAt) {}
