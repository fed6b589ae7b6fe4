package dev.switchboard.ratelimit;

import dev.switchboard.apikey.ApiKeyId;
import dev.switchboard.apikey.ApiKeys;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnitId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Configuring rate limits: platform admins only. A change takes effect on this node at once and on the
 * others within their refresh interval.
 */
@Service
class RateLimitSettings {

    private final RateLimitRepository limits;
    private final GatewayNodes nodes;
    private final RateLimiter limiter;
    private final ApiKeys apiKeys;
    private final OrgService org;
    private final RateLimitProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    RateLimitSettings(
            RateLimitRepository limits,
            GatewayNodes nodes,
            RateLimiter limiter,
            ApiKeys apiKeys,
            OrgService org,
            RateLimitProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.limits = limits;
        this.nodes = nodes;
        this.limiter = limiter;
        this.apiKeys = apiKeys;
        this.org = org;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<RateLimitRepository.Row> list() {
        return limits.findAll();
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public RateLimitRepository.Row get(RateLimitSubject subject) {
        return limits.find(subject).orElseThrow(() -> new RateLimitNotFoundException(subject));
    }

    /**
     * Sets (replaces) the subject's limits; {@code null} = no limit of that kind, at least one must be
     * given.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public RateLimitRepository.Row set(
            RateLimitSubject subject, Long requestsPerMinute, Long tokensPerMinute, Long maxConcurrent) {
        positive("requestsPerMinute", requestsPerMinute);
        positive("tokensPerMinute", tokensPerMinute);
        positive("maxConcurrent", maxConcurrent);
        if (requestsPerMinute == null && tokensPerMinute == null && maxConcurrent == null) {
            throw new RateLimitValidationException(
                    "requestsPerMinute", "give at least one limit; to remove all, delete the rate limit");
        }
        requireExists(subject);
        var row = new RateLimitRepository.Row(
                subject,
                requestsPerMinute,
                tokensPerMinute,
                maxConcurrent,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                username());
        tx.executeWithoutResult(status -> limits.upsert(row));
        limiter.sync();
        return get(subject);
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public void delete(RateLimitSubject subject) {
        if (!tx.execute(status -> limits.delete(subject))) {
            throw new RateLimitNotFoundException(subject);
        }
        limiter.sync();
    }

    /** The gateway nodes alive now, each enforcing its share of every limit. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<GatewayNodes.Node> liveNodes() {
        return nodes.live(clock.instant(), properties.nodeTtl());
    }

    private void requireExists(RateLimitSubject subject) {
        switch (subject.kind()) {
            case API_KEY -> apiKeys.get(new ApiKeyId(subject.id()));
            case ORG_UNIT -> org.get(new OrgUnitId(subject.id()));
        }
    }

    private static void positive(String field, Long value) {
        if (value != null && value <= 0) {
            throw new RateLimitValidationException(field, "must be positive (leave it out for no limit)");
        }
    }

    private static String username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("changing rate limits needs a signed-in user");
        }
        return authentication.getName();
    }
}
