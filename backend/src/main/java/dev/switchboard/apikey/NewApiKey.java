package dev.switchboard.apikey;

import dev.switchboard.org.OrgUnitId;
import java.time.Instant;

/**
 * A key to create.
 *
 * @param orgUnitId the unit whose budget the key's calls are charged to; must be active
 * @param projectId optionally a project (an org unit of kind PROJECT) at or under {@code orgUnitId}
 * @param expiresAt optionally when the key stops working; must be in the future
 */
public record NewApiKey(OrgUnitId orgUnitId, OrgUnitId projectId, String name, Instant expiresAt) {

    public static final int MAX_NAME_LENGTH = 100;

    public NewApiKey {
        if (orgUnitId == null) {
            throw new ApiKeyValidationException("orgUnitId", "must be given");
        }
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new ApiKeyValidationException("name", "must be 1-" + MAX_NAME_LENGTH + " characters");
        }
    }
}
