package dev.switchboard.catalog;

import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of deployments (a model served by a provider) and their price history. Reading needs any
 * role; deployments are changed by platform admins, prices by platform admins and finance.
 */
@RestController
@RequestMapping("/api/v1/models")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Models", description = "Deployments of models at providers, their capabilities and price history")
class ModelController {

    private final Catalog catalog;
    private final PriceList prices;
    private final Clock clock;

    ModelController(Catalog catalog, PriceList prices, Clock clock) {
        this.catalog = catalog;
        this.prices = prices;
        this.clock = clock;
    }

    record PriceResponse(
            long inputMicrosPerMTok,
            long outputMicrosPerMTok,
            long cachedInputMicrosPerMTok,
            String currency,
            Instant effectiveFrom,
            String source) {
        static PriceResponse of(Price p) {
            return p == null
                    ? null
                    : new PriceResponse(
                            p.inputMicrosPerMTok(),
                            p.outputMicrosPerMTok(),
                            p.cachedInputMicrosPerMTok(),
                            p.currency().getCurrencyCode(),
                            p.effectiveFrom(),
                            p.source());
        }
    }

    /**
     * @param available enabled here and at its provider
     * @param simulated served by a built-in simulator
     */
    record ModelResponse(
            UUID id,
            String providerId,
            String modelName,
            String upstreamModelId,
            Tier tier,
            Set<Capability> capabilities,
            int contextWindowTokens,
            int maxOutputTokens,
            int weight,
            boolean enabled,
            boolean providerEnabled,
            boolean available,
            boolean simulated,
            PriceResponse currentPrice,
            Instant createdAt,
            Instant updatedAt) {
        static ModelResponse of(Deployment d, Provider p, Price current) {
            return new ModelResponse(
                    d.id().value(),
                    d.providerId().value(),
                    d.modelName(),
                    d.upstreamModelId(),
                    d.tier(),
                    d.capabilities(),
                    d.contextWindowTokens(),
                    d.maxOutputTokens(),
                    d.weight(),
                    d.enabled(),
                    p.enabled(),
                    d.enabled() && p.enabled(),
                    p.simulated(),
                    PriceResponse.of(current),
                    d.createdAt(),
                    d.updatedAt());
        }
    }

    record SettingsRequest(
            @NotBlank @Size(max = 200) String upstreamModelId,
            @NotNull Tier tier,
            Set<Capability> capabilities,
            @NotNull @Positive Integer contextWindowTokens,
            @NotNull @PositiveOrZero Integer maxOutputTokens,
            @Min(0) @Max(DeploymentSettings.MAX_WEIGHT) Integer weight,
            Boolean enabled) {
        DeploymentSettings settings() {
            return new DeploymentSettings(
                    upstreamModelId,
                    tier,
                    capabilities,
                    contextWindowTokens,
                    maxOutputTokens,
                    weight == null ? 100 : weight,
                    enabled == null || enabled);
        }
    }

    record CreateRequest(
            @NotBlank String providerId,
            @NotBlank @Size(max = 128) String modelName,
            @NotBlank @Size(max = 200) String upstreamModelId,
            @NotNull Tier tier,
            Set<Capability> capabilities,
            @NotNull @Positive Integer contextWindowTokens,
            @NotNull @PositiveOrZero Integer maxOutputTokens,
            @Min(0) @Max(DeploymentSettings.MAX_WEIGHT) Integer weight,
            Boolean enabled) {
        NewDeployment deployment() {
            return new NewDeployment(
                    ProviderId.of(providerId),
                    modelName,
                    new SettingsRequest(
                                    upstreamModelId,
                                    tier,
                                    capabilities,
                                    contextWindowTokens,
                                    maxOutputTokens,
                                    weight,
                                    enabled)
                            .settings());
        }
    }

    record PriceRequest(
            @NotNull @PositiveOrZero Long inputMicrosPerMTok,
            @NotNull @PositiveOrZero Long outputMicrosPerMTok,
            @NotNull @PositiveOrZero Long cachedInputMicrosPerMTok,

            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD")
            String currency,

            Instant effectiveFrom,
            @NotBlank @Size(max = 1000) String source) {}

    @GetMapping
    @Operation(summary = "Deployments with their provider's state and the price in force now")
    List<ModelResponse> list(
            @RequestParam(required = false) String provider, @RequestParam(required = false) String name) {
        Map<ProviderId, Provider> providers =
                catalog.providers().stream().collect(Collectors.toMap(Provider::id, Function.identity()));
        Map<DeploymentId, Price> current = prices.pricesAt(clock.instant());
        List<Deployment> deployments = name == null ? catalog.deployments() : catalog.deploymentsNamed(name);
        return deployments.stream()
                .filter(d -> provider == null || d.providerId().value().equals(provider))
                .map(d -> ModelResponse.of(d, providers.get(d.providerId()), current.get(d.id())))
                .toList();
    }

    @GetMapping("/{id}")
    ModelResponse get(@PathVariable UUID id) {
        return response(catalog.deployment(new DeploymentId(id)));
    }

    @PostMapping
    @Operation(summary = "Offer a model through a provider")
    ResponseEntity<ModelResponse> create(@Valid @RequestBody CreateRequest request) {
        Deployment created = catalog.createDeployment(request.deployment());
        return ResponseEntity.created(URI.create("/api/v1/models/" + created.id()))
                .body(response(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change upstream id, tier, capabilities, limits, weight, enabled")
    ModelResponse update(@PathVariable UUID id, @Valid @RequestBody SettingsRequest request) {
        return response(catalog.updateDeployment(new DeploymentId(id), request.settings()));
    }

    @GetMapping("/{id}/prices")
    @Operation(summary = "The price history, oldest first, future prices included")
    List<PriceResponse> priceHistory(@PathVariable UUID id) {
        return prices.history(new DeploymentId(id)).stream()
                .map(PriceResponse::of)
                .toList();
    }

    @PostMapping("/{id}/prices")
    @Operation(summary = "Add a price from now (default) or a future instant; stored prices never change")
    ResponseEntity<PriceResponse> addPrice(@PathVariable UUID id, @Valid @RequestBody PriceRequest request) {
        Price added = prices.add(
                new DeploymentId(id),
                new NewPrice(
                        request.inputMicrosPerMTok(),
                        request.outputMicrosPerMTok(),
                        request.cachedInputMicrosPerMTok(),
                        currency(request.currency()),
                        request.effectiveFrom(),
                        request.source()));
        return ResponseEntity.created(URI.create("/api/v1/models/" + id + "/prices"))
                .body(PriceResponse.of(added));
    }

    private ModelResponse response(Deployment d) {
        Provider provider = catalog.provider(d.providerId());
        return ModelResponse.of(
                d, provider, prices.findPriceAt(d.id(), clock.instant()).orElse(null));
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new CatalogValidationException("currency", "'" + code + "' is not an ISO 4217 currency");
        }
    }
}
