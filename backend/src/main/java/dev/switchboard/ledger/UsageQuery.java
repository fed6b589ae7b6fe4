package dev.switchboard.ledger;

import dev.switchboard.org.OrgUnitId;
import java.time.Instant;
import java.util.UUID;

/**
 * Filters for reading the ledger; {@code null} means "any". An org unit includes its descendants
 * (Marketing's usage includes its teams').
 *
 * @param limit the most rows to return (newest first); totals always cover every matching row
 */
public record UsageQuery(
        OrgUnitId orgUnitId, UUID apiKeyId, String model, String providerId, Instant from, Instant to, int limit) {

    public static final int MAX_LIMIT = 1000;

    public UsageQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new LedgerValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new LedgerValidationException("from", "must be before 'to'");
        }
    }
}
