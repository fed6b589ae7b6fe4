package dev.switchboard.ratelimit;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limit settings ({@code switchboard.rate-limits.*}).
 *
 * @param refreshInterval how often a node heartbeats and re-reads limits and live nodes: a limit change
 *     or a node joining reaches every node within about this time
 * @param nodeTtl a node whose last heartbeat is older (or, by more than this, newer: a clock far off) is
 *     taken as gone, and its share goes to the others. Must be several refresh intervals and larger
 *     than the clock skew between nodes
 */
@Validated
@ConfigurationProperties("switchboard.rate-limits")
public record RateLimitProperties(
        @NotNull @DefaultValue("1s") Duration refreshInterval,
        @NotNull @DefaultValue("5s") Duration nodeTtl) {

    public RateLimitProperties {
        if (refreshInterval != null && !refreshInterval.isPositive()) {
            throw new IllegalArgumentException("switchboard.rate-limits.refresh-interval must be positive");
        }
        if (refreshInterval != null && nodeTtl != null && nodeTtl.compareTo(refreshInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(
                    "switchboard.rate-limits.node-ttl must be at least two refresh intervals");
        }
    }
}
