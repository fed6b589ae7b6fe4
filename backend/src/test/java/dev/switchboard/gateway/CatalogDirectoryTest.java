package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.switchboard.catalog.Capability;
import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.Deployment;
import dev.switchboard.catalog.DeploymentId;
import dev.switchboard.catalog.Price;
import dev.switchboard.catalog.PriceList;
import dev.switchboard.catalog.ProtocolFamily;
import dev.switchboard.catalog.Provider;
import dev.switchboard.catalog.ProviderId;
import dev.switchboard.catalog.QuirksPreset;
import dev.switchboard.catalog.Tier;
import dev.switchboard.gateway.upstream.Usage;
import dev.switchboard.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The router's catalog snapshot and the opened upstream keys live one refresh; charges stay exact. */
class CatalogDirectoryTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Duration REFRESH = Duration.ofSeconds(2);

    final MutableClock clock = new MutableClock();
    final Catalog catalog = mock(Catalog.class);
    final PriceList prices = mock(PriceList.class);
    final GatewayProperties properties = new GatewayProperties(
            4, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(60), 1 << 20, "USD", REFRESH, null);
    final CatalogDirectory directory = new CatalogDirectory(catalog, prices, properties, clock);

    final ProviderId providerId = ProviderId.of("local-vllm");
    final DeploymentId deploymentId = new DeploymentId(UUID.randomUUID());
    final Price price = price(1_000_000, T0);

    static Price price(long inputMicros, Instant from) {
        return new Price(inputMicros, 2 * inputMicros, 0, Currency.getInstance("USD"), from, "test");
    }

    @BeforeEach
    void catalog() {
        Provider provider = new Provider(
                providerId,
                "Local vLLM",
                ProtocolFamily.OPENAI_COMPATIBLE,
                QuirksPreset.VLLM,
                "http://127.0.0.1:8000/v1",
                "local",
                "self-hosted",
                true,
                false,
                true,
                T0,
                T0);
        Deployment deployment = new Deployment(
                deploymentId,
                providerId,
                "llama",
                "llama-3",
                Tier.ECONOMY,
                Set.of(Capability.STREAMING),
                8_192,
                1_024,
                100,
                true,
                T0,
                T0);
        when(catalog.providers()).thenReturn(List.of(provider));
        when(catalog.deployments()).thenReturn(List.of(deployment));
        when(prices.pricesAt(any())).thenReturn(Map.of(deploymentId, price));
        when(catalog.upstreamApiKey(providerId)).thenReturn(Optional.of("key-1"));
    }

    @Test
    void the_upstream_key_is_opened_once_per_snapshot() {
        directory.target(deploymentId.toString());
        directory.target(deploymentId.toString());
        directory.candidates();

        verify(catalog, times(1)).upstreamApiKey(providerId);
        verify(catalog, times(1)).deployments();
    }

    @Test
    void a_replaced_upstream_key_is_used_once_the_snapshot_has_expired() {
        assertThat(directory.target(deploymentId.toString()).apiKey()).isEqualTo("key-1");
        when(catalog.upstreamApiKey(providerId)).thenReturn(Optional.of("key-2"));

        clock.advance(REFRESH.minusMillis(100));
        assertThat(directory.target(deploymentId.toString()).apiKey())
                .as("same snapshot")
                .isEqualTo("key-1");

        clock.advance(Duration.ofMillis(200));
        assertThat(directory.target(deploymentId.toString()).apiKey()).isEqualTo("key-2");
    }

    @Test
    void every_charge_reads_the_price_in_force_when_the_call_started() {
        Instant started = T0.plusSeconds(60);
        when(prices.priceAt(deploymentId, started)).thenReturn(price);
        Usage usage = new Usage(1_000_000, 0, 0, 0);
        assertThat(directory
                        .wholesaleCost(deploymentId.toString(), started, usage)
                        .micros())
                .isEqualTo(1_000_000);

        // a new price in force from the same instant (added a moment ago, on this node or another)
        when(prices.priceAt(deploymentId, started)).thenReturn(price(3_000_000, started));

        assertThat(directory
                        .wholesaleCost(deploymentId.toString(), started, usage)
                        .micros())
                .as("charges are never served from the snapshot")
                .isEqualTo(3_000_000);
    }
}
