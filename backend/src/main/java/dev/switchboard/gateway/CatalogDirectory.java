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
import java.util.HashMap;
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
 * for that moment. The charge of a call is the exact price in force when the call started: from the
 * snapshot's price history while the price notice guarantees the snapshot knows it, else read.
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

    /**
     * @param loadedAt when the load began: the price histories hold every price in force at any instant
     *     before {@code loadedAt + } the price notice
     * @param upstreamKeys opened API keys by provider, filled on first use
     */
    private record Snapshot(
            Instant loadedAt,
            Map<DeploymentId, List<Price>> priceHistories,
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

    /**
     * Prices the call from the snapshot's price history when the snapshot is sure to know the price in
     * force at {@code at} (see {@link PriceList#notice()}), else from the database.
     */
    @Override
    public Money wholesaleCost(String deploymentId, Instant at, Usage usage) {
        DeploymentId id = DeploymentId.of(deploymentId);
        Snapshot s = current();
        Duration notice = prices.notice();
        // with no notice, a price saved (and committed) around the load could be missing from it
        Price price = notice.isPositive() && at.isBefore(s.loadedAt().plus(notice))
                ? inForce(s.priceHistories().getOrDefault(id, List.of()), at)
                : null;
        if (price == null) {
            price = prices.priceAt(id, at); // exact, and the right error when there is no price
        }
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
        Map<DeploymentId, List<Price>> histories = prices.allHistories();
        Map<DeploymentId, Price> priceNow = new HashMap<>();
        histories.forEach((id, history) -> {
            Price p = inForce(history, now);
            if (p != null) {
                priceNow.put(id, p);
            }
        });
        Map<String, Deployment> deployments =
                catalog.deployments().stream().collect(Collectors.toMap(d -> d.id().toString(), Function.identity()));
        List<Candidate> candidates = deployments.values().stream()
                .map(d -> candidate(d, providers.get(d.providerId()), priceNow.get(d.id())))
                .toList();
        return new Snapshot(now, Map.copyOf(histories), candidates, deployments, providers, new ConcurrentHashMap<>());
    }

    /** The latest price of an oldest-first history that started at or before {@code at}, if any. */
    static Price inForce(List<Price> history, Instant at) {
        Price found = null;
        for (Price p : history) {
            if (p.effectiveFrom().isAfter(at)) {
                break;
            }
            found = p;
        }
        return found;
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
