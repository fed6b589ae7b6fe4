package dev.switchboard.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a workflow: a draft (changed in place until published) or a published one (never
 * changed again; runs use these).
 */
public record WorkflowVersion(
        UUID workflowId,
        String key,
        int number,
        boolean published,
        WorkflowDefinition definition,
        String definitionJson,
        String createdBy,
        Instant createdAt,
        String publishedBy,
        Instant publishedAt) {}
