package dev.switchboard.gateway;

import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.Deployment;
import dev.switchboard.catalog.DeploymentId;
import dev.switchboard.catalog.Price;
import dev.switchboard.catalog.PriceList;
import dev.switchboard.catalog.ProtocolFamily;
import dev.switchboard.catalog.Provider;
import dev.switchboard.catalog.ProviderId;
import dev.switchboard.gateway.routing.Candidate;
import dev.switchboard.gateway.routing.Capability;
import dev.switchboard.gateway.upstream.Quirks;
import dev.switchboard.gateway.upstream.UpstreamTarget;
import dev.switchboard.gateway.upstream.Usage;
import dev.switchboard.platform.CachedSnapshot;
import dev.switchboard.platform.Money;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The gateway's view of the catalog. The router's candidate list is a snapshot reused for {@code
 * switchboard.gateway.catalog-refresh} (the hot path must not read three tables per call); so are the
 * providers' upstream API keys, opened on first use within a snapshot, so a changed key is used within
 * the same time. When the snapshot expires one call reloads it while the others route on the expired one
 * for that moment. The charge of a call always reads the exact price in force when the call started.
 */
@Component
class CatalogDirectory implements DeploymentDirectory {

    /** Simulators accept any non-empty key; real providers without a key answer 401 and are skipped. */
    static final String SIMULATOR_KEY = "simulated";

    private final Catalog catalog;
    private final PriceList prices;
    private final GatewayProperties properties;
    private final CachedSnapshot<Snapshot> snapshot;

    CatalogDirectory(Catalog catalog, PriceList prices, GatewayProperties properties, Clock clock) {
        this.catalog = catalog;
        this.prices = prices;
        this.properties = properties;
        Duration refresh = properties.catalogRefresh().isPositive() ? properties.catalogRefresh() : Duration.ofNanos(1);
        this.snapshot = new CachedSnapshot<>(refresh, clock, () -> load(clock.instant()));
    }

    /** @param upstreamKeys opened API keys by provider, filled on first use */
    private record Snapshot(
            List<Candidate> candidates,
            Map<String, Deployment> deployments,
            Map<ProviderId, Provider> providers,
            ConcurrentMap<ProviderId, String> upstreamKeys) {}

    @Override
    public List<Candidate> candidates() {
        return current().candidates();
    }

    @Override
    public UpstreamTarget target(String deploymentId) {
        Snapshot s = current();
        Deployment d = s.deployments().get(deploymentId);
        Provider p = s.providers().get(d.providerId());
        String key = s.upstreamKeys()
                .computeIfAbsent(p.id(), id -> catalog.upstreamApiKey(id).orElse(p.simulated() ? SIMULATOR_KEY : ""));
        boolean inProcess = p.protocol() == ProtocolFamily.IN_PROCESS;
        return new UpstreamTarget(
                p.id().value(),
                dev.switchboard.gateway.upstream.ProtocolFamily.valueOf(
                        p.protocol().name()),
                // an in-process model has neither a base URL nor quirks
                inProcess ? URI.create("in-process:" + d.upstreamModelId()) : URI.create(p.baseUrl()),
                key,
                d.upstreamModelId(),
                inProcess ? Quirks.NONE : Quirks.forPreset(p.quirks().code()),
                properties.connectTimeout(),
                properties.readTimeout());
    }

    @Override
    public Money wholesaleCost(String deploymentId, Instant at, Usage usage) {
        Price price = prices.priceAt(DeploymentId.of(deploymentId), at);
        return new Money(
                price.costMicros(usage.promptTokens(), usage.cachedPromptTokens(), usage.completionTokens()),
                price.currency());
    }

    private Snapshot current() {
        return snapshot.get();
    }

    private Snapshot load(Instant now) {
        Map<ProviderId, Provider> providers =
                catalog.providers().stream().collect(Collectors.toMap(Provider::id, Function.identity()));
        Map<DeploymentId, Price> priceNow = prices.pricesAt(now);
        Map<String, Deployment> deployments =
                catalog.deployments().stream().collect(Collectors.toMap(d -> d.id().toString(), Function.identity()));
        List<Candidate> candidates = deployments.values().stream()
                .map(d -> candidate(d, providers.get(d.providerId()), priceNow.get(d.id())))
                .toList();
        return new Snapshot(candidates, deployments, providers, new ConcurrentHashMap<>());
    }

    private Candidate candidate(Deployment d, Provider p, Price price) {
        long rate = price == null
                ? 0
                : properties.rankingRatesPpm().getOrDefault(price.currency().getCurrencyCode(), 1_000_000L);
        return new Candidate(
                d.id().toString(),
                p.id().value(),
                d.modelName(),
                d.tier().name().toLowerCase(Locale.ROOT),
                capabilities(d),
                d.contextWindowTokens(),
                d.maxOutputTokens(),
                d.weight(),
                p.region(),
                p.jurisdiction(),
                // a deployment without a price in force cannot be charged, so it is not offered
                d.enabled() && p.enabled() && price != null,
                price == null ? 0 : Math.multiplyExact(price.inputMicrosPerMTok(), rate) / 1_000_000,
                price == null ? 0 : Math.multiplyExact(price.outputMicrosPerMTok(), rate) / 1_000_000);
    }

    private static Set<Capability> capabilities(Deployment d) {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        d.capabilities().forEach(c -> set.add(Capability.valueOf(c.name())));
        return set;
    }
}
