package dev.switchboard.chargeback;

import dev.switchboard.org.OrgUnitId;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a statement: the usage of one project, model, provider and key in one currency.
 *
 * @param lateFromPeriod {@code null} for usage of the statement's own period; for late usage (it
 *     occurred in that closed period but was recorded after its close) the label of that period
 * @param projectId {@code null} for calls charged to no project
 * @param providerId {@code null} for calls no provider served
 * @param apiKeyId the key the calls came with; {@code null} for the master key and calls from inside
 *     the platform (the ledger knows keys, not people)
 * @param inputTokens all input tokens, cached ones included
 */
public record StatementLine(
        String lateFromPeriod,
        OrgUnitId projectId,
        String model,
        String providerId,
        UUID apiKeyId,
        String currency,
        long calls,
        long inputTokens,
        long cachedInputTokens,
        long outputTokens,
        long wholesaleMicros,
        long retailMicros) {

    public StatementLine {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(currency, "currency");
    }

    public boolean late() {
        return lateFromPeriod != null;
    }

    /** Retail minus wholesale: what the platform earned (negative when a plan sells below cost). */
    public long marginMicros() {
        return Math.subtractExact(retailMicros, wholesaleMicros);
    }
}
