package dev.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A new price starts no sooner than the notice, so every gateway node knows it before it applies. */
class PriceNoticeTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    final PriceRepository repository = mock(PriceRepository.class);
    final DeploymentRepository deployments = mock(DeploymentRepository.class);
    final PriceList prices = new PriceList(
            repository, deployments, new CatalogProperties(Duration.ofSeconds(5)), Clock.fixed(NOW, ZoneOffset.UTC));
    final DeploymentId id = new DeploymentId(UUID.randomUUID());

    @BeforeEach
    void deploymentExists() {
        when(deployments.findById(id)).thenReturn(Optional.of(mock(Deployment.class)));
        when(repository.insertIfAbsent(eq(id), any(), any(), any())).thenReturn(true);
    }

    private static NewPrice price(Instant effectiveFrom) {
        return new NewPrice(100, 200, 50, Currency.getInstance("USD"), effectiveFrom, "test");
    }

    @Test
    void a_price_without_a_start_starts_one_notice_from_now() {
        assertThat(prices.add(id, price(null)).effectiveFrom()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void a_price_starting_sooner_than_the_notice_is_refused_and_not_stored() {
        assertThatThrownBy(() -> prices.add(id, price(NOW.plusSeconds(4))))
                .isInstanceOf(CatalogValidationException.class)
                .hasMessageContaining("5 s from now");
        verify(repository, never()).insertIfAbsent(any(), any(), any(), any());
    }

    @Test
    void a_price_starting_exactly_one_notice_from_now_is_accepted() {
        assertThat(prices.add(id, price(NOW.plusSeconds(5))).effectiveFrom()).isEqualTo(NOW.plusSeconds(5));
    }
}
