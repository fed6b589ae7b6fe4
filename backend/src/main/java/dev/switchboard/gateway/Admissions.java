package dev.switchboard.gateway;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.ratelimit.RateLimitedException;
import dev.switchboard.ratelimit.RateLimiter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Admits a routed call before it goes upstream: the rate limits of its API key and of its org unit
 * and every ancestor (requests and tokens per minute, concurrent requests). A refused call is a 429 in
 * the OpenAI error shape with {@code Retry-After}, and nothing was charged for it.
 */
@Component
class Admissions {

    private final RateLimiter limiter;
    private final OrgService org;

    Admissions(RateLimiter limiter, OrgService org) {
        this.limiter = limiter;
        this.org = org;
    }

    /**
     * @param estimatedTokens prompt tokens plus the most the call may generate, as far as known now
     */
    Admission admit(ChargeContext charge, long estimatedTokens) {
        List<OrgUnitId> path =
                org.pathToRoot(charge.orgUnit()).stream().map(OrgUnit::id).toList();
        try {
            return new Admission(limiter.acquire(charge.apiKeyId(), path, estimatedTokens));
        } catch (RateLimitedException e) {
            throw GatewayException.rateLimited(capitalised(e.getMessage()) + ".", e.retryAfter());
        }
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
