package dev.switchboard.gateway.web;

import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.identity.MasterKey;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Who is calling the gateway, from {@code Authorization: Bearer <key>} or {@code x-api-key: <key>}:
 * a consumer key (charged to its org unit and project) or the master key (charged to the company).
 */
@Component
class GatewayCallers {

    private final ApiKeys keys;
    private final MasterKey masterKey;
    private final OrgService org;
    private volatile OrgUnitId companyId;

    GatewayCallers(ApiKeys keys, MasterKey masterKey, OrgService org) {
        this.keys = keys;
        this.masterKey = masterKey;
        this.org = org;
    }

    ChargeContext authenticate(HttpServletRequest request) {
        String secret = presentedKey(request);
        if (secret == null) {
            throw GatewayException.unauthenticated(
                    "Missing API key: send 'Authorization: Bearer <key>' or 'x-api-key: <key>'.");
        }
        if (masterKey.matches(secret)) {
            return ChargeContext.of(companyId());
        }
        return keys.authenticate(secret)
                .map(key -> new ChargeContext(
                        key.orgUnitId(), key.projectId(), key.id().value(), null, null))
                .orElseThrow(() -> GatewayException.unauthenticated(
                        "Incorrect, revoked or expired API key. Create one under My keys or at /api/v1/keys."));
    }

    /** The company node never changes once created: read it once, not on every call. */
    private OrgUnitId companyId() {
        OrgUnitId id = companyId;
        if (id == null) {
            id = org.company().id();
            companyId = id;
        }
        return id;
    }

    private static String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = authorization.substring(7).strip();
            return key.isEmpty() ? null : key;
        }
        String apiKey = request.getHeader("x-api-key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }
}
