package dev.switchboard.gateway;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Gateway settings ({@code switchboard.gateway.*}).
 *
 * @param maxAttempts upstream attempts per call, retries and fallbacks together
 * @param maxRetryWait the longest Retry-After the gateway waits out on the same deployment before it
 *     falls back to the next one instead
 * @param connectTimeout / readTimeout for upstream calls (read: whole response, or first byte and gaps
 *     between events when streaming)
 * @param maxBodyBytes the largest request body accepted (413 above)
 * @param defaultCurrency the currency of calls no deployment served (zero charge)
 * @param catalogRefresh how long the router's snapshot of deployments and prices is reused; a catalog
 *     change reaches the router within this time (charges always use the exact price in force)
 * @param rankingRatesPpm value of one unit of each currency in parts per million of the reference
 *     currency (USD), used only to rank candidates priced in different currencies
 */
@Validated
@ConfigurationProperties("switchboard.gateway")
public record GatewayProperties(
        @Min(1) @Max(10) @DefaultValue("4") int maxAttempts,
        @NotNull @DefaultValue("2s") Duration maxRetryWait,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("120s") Duration readTimeout,
        @Min(1024) @DefaultValue("10485760") long maxBodyBytes,
        @NotNull @DefaultValue("USD") String defaultCurrency,
        @NotNull @DefaultValue("2s") Duration catalogRefresh,
        Map<String, Long> rankingRatesPpm) {

    /** Approximate rates for ranking only (late 2026); configure real ones for production. */
    static final Map<String, Long> DEFAULT_RANKING_RATES_PPM =
            Map.of("USD", 1_000_000L, "EUR", 1_080_000L, "CNY", 140_000L);

    public GatewayProperties {
        rankingRatesPpm = rankingRatesPpm == null || rankingRatesPpm.isEmpty()
                ? DEFAULT_RANKING_RATES_PPM
                : Map.copyOf(rankingRatesPpm);
    }
}
