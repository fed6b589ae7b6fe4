package dev.switchboard.apikey;

import dev.switchboard.org.OrgUnitId;

/**
 * The key a request presented, once accepted: what its calls are charged to.
 *
 * @param projectId {@code null} when the key belongs to no project
 */
public record AuthenticatedKey(ApiKeyId id, OrgUnitId orgUnitId, OrgUnitId projectId, String name) {}
