package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
    static final Duration NOTICE = Duration.ofSeconds(5);

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
        when(prices.allHistories()).thenReturn(Map.of(deploymentId, List.of(price)));
        when(prices.notice()).thenReturn(NOTICE);
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
    void a_charge_is_priced_from_the_snapshot_while_the_notice_guarantees_it_knows_every_price() {
        Instant change = clock.instant().plusSeconds(3);
        when(prices.allHistories()).thenReturn(Map.of(deploymentId, List.of(price, price(3_000_000, change))));
        Usage usage = new Usage(1_000_000, 0, 0, 0);

        assertThat(cost(clock.instant(), usage))
                .as("before the scheduled change")
                .isEqualTo(1_000_000);
        assertThat(cost(change.minusNanos(1000), usage)).isEqualTo(1_000_000);
        assertThat(cost(change, usage)).as("from the instant it starts").isEqualTo(3_000_000);

        verify(prices, never()).priceAt(any(), any());
        verify(prices, times(1)).allHistories();
    }

    @Test
    void a_call_that_started_past_the_snapshot_plus_the_notice_reads_the_price() {
        when(prices.notice()).thenReturn(Duration.ofMillis(500));
        directory.candidates(); // loads the snapshot now
        clock.advance(Duration.ofSeconds(1)); // snapshot still fresh (2 s), but 1 s > the 0.5 s notice
        Instant started = clock.instant();
        when(prices.priceAt(deploymentId, started)).thenReturn(price(3_000_000, started));

        assertThat(cost(started, new Usage(1_000_000, 0, 0, 0)))
                .as("a price saved after the snapshot may already be in force")
                .isEqualTo(3_000_000);
    }

    @Test
    void with_no_notice_every_charge_reads_the_price_in_force_when_the_call_started() {
        when(prices.notice()).thenReturn(Duration.ZERO);
        Instant started = clock.instant();
        when(prices.priceAt(deploymentId, started)).thenReturn(price);
        Usage usage = new Usage(1_000_000, 0, 0, 0);
        assertThat(cost(started, usage)).isEqualTo(1_000_000);

        // a new price in force from the same instant (added a moment ago, on this node or another)
        when(prices.priceAt(deploymentId, started)).thenReturn(price(3_000_000, started));

        assertThat(cost(started, usage))
                .as("charges are not served from the snapshot")
                .isEqualTo(3_000_000);
    }

    private long cost(Instant started, Usage usage) {
        return directory.wholesaleCost(deploymentId.toString(), started, usage).micros();
    }
}
