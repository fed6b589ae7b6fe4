package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One model call as the ledger keeps it, immutable once written. {@code requestId} is the idempotency
 * key: recording the same call twice leaves one row.
 *
 * @param apiKeyId the consumer key, {@code null} for the master key and internal callers
 * @param projectId the project the call was charged to, if any
 * @param providerId who served it ({@code null} when every candidate failed)
 * @param markupBasisPoints the markup that turned wholesale into retail, {@code null} when a plan did
 * @param timeToFirstTokenMillis {@code null} for non-streamed calls
 * @param fallbackChain the providers tried, in order, the last one being {@code providerId}
 * @param workflowRunId the workflow run that made the call from inside the platform, else {@code null}
 * @param stepId the step of that run, else {@code null}
 * @param pricePlanId the price plan that set the retail price, {@code null} when a markup did
 */
public record UsageEntry(
        String requestId,
        Instant occurredAt,
        UUID apiKeyId,
        OrgUnitId orgUnitId,
        OrgUnitId projectId,
        String providerId,
        String model,
        long inputTokens,
        long outputTokens,
        long cachedTokens,
        long reasoningTokens,
        UsageSource usageSource,
        Money wholesale,
        Money retail,
        Integer markupBasisPoints,
        long latencyMillis,
        Long timeToFirstTokenMillis,
        CallStatus status,
        List<String> fallbackChain,
        String workflowRunId,
        String stepId,
        PricePlanId pricePlanId) {

    public UsageEntry {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(orgUnitId, "orgUnitId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usageSource, "usageSource");
        Objects.requireNonNull(status, "status");
        if (!wholesale.currency().equals(retail.currency())) {
            throw new IllegalArgumentException("wholesale and retail must share a currency");
        }
        if (inputTokens < 0 || outputTokens < 0 || cachedTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        if (cachedTokens > inputTokens) {
            throw new IllegalArgumentException("cached tokens are part of the input tokens");
        }
        if ((markupBasisPoints == null) == (pricePlanId == null)) {
            throw new IllegalArgumentException("retail is priced by a markup or by a plan: exactly one of them");
        }
        fallbackChain = List.copyOf(fallbackChain);
    }

    /** A call priced by a markup, made from inside a workflow (or not: run and step {@code null}). */
    public UsageEntry(
            String requestId,
            Instant occurredAt,
            UUID apiKeyId,
            OrgUnitId orgUnitId,
            OrgUnitId projectId,
            String providerId,
            String model,
            long inputTokens,
            long outputTokens,
            long cachedTokens,
            long reasoningTokens,
            UsageSource usageSource,
            Money wholesale,
            Money retail,
            int markupBasisPoints,
            long latencyMillis,
            Long timeToFirstTokenMillis,
            CallStatus status,
            List<String> fallbackChain,
            String workflowRunId,
            String stepId) {
        this(
                requestId,
                occurredAt,
                apiKeyId,
                orgUnitId,
                projectId,
                providerId,
                model,
                inputTokens,
                outputTokens,
                cachedTokens,
                reasoningTokens,
                usageSource,
                wholesale,
                retail,
                Integer.valueOf(markupBasisPoints),
                latencyMillis,
                timeToFirstTokenMillis,
                status,
                fallbackChain,
                workflowRunId,
                stepId,
                null);
    }

    /** A call priced by a markup, made outside any workflow (the REST gateway). */
    public UsageEntry(
            String requestId,
            Instant occurredAt,
            UUID apiKeyId,
            OrgUnitId orgUnitId,
            OrgUnitId projectId,
            String providerId,
            String model,
            long inputTokens,
            long outputTokens,
            long cachedTokens,
            long reasoningTokens,
            UsageSource usageSource,
            Money wholesale,
            Money retail,
            int markupBasisPoints,
            long latencyMillis,
            Long timeToFirstTokenMillis,
            CallStatus status,
            List<String> fallbackChain) {
        this(
                requestId,
                occurredAt,
                apiKeyId,
                orgUnitId,
                projectId,
                providerId,
                model,
                inputTokens,
                outputTokens,
                cachedTokens,
                reasoningTokens,
                usageSource,
                wholesale,
                retail,
                markupBasisPoints,
                latencyMillis,
                timeToFirstTokenMillis,
                status,
                fallbackChain,
                null,
                null);
    }
}
