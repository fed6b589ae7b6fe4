package dev.switchboard.apikey;

import dev.switchboard.org.OrgUnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * An API key as it can be shown after creation: who it belongs to and whether it works, never the
 * secret. {@link #prefix()} (the first characters of the secret) lets a person tell keys apart.
 *
 * @param projectId the project the key's calls are charged to within its org unit, or {@code null}
 * @param createdBy the username that created it ({@code master-key} for the master credential)
 * @param expiresAt {@code null} for a key that does not expire
 * @param revokedAt {@code null} while not revoked
 */
public record ApiKey(
        ApiKeyId id,
        OrgUnitId orgUnitId,
        OrgUnitId projectId,
        String name,
        String prefix,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgUnitId, "orgUnitId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public ApiKeyStatus statusAt(Instant now) {
        if (revokedAt != null) {
            return ApiKeyStatus.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? ApiKeyStatus.EXPIRED : ApiKeyStatus.ACTIVE;
    }
}
