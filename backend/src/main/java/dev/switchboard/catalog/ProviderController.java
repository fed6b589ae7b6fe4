package dev.switchboard.catalog;

import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of upstream providers. Reading needs any role; changes need platform-admin. API keys are
 * write-only: responses say {@code hasApiKey}, never the key.
 */
@RestController
@RequestMapping("/api/v1/providers")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Providers", description = "Upstream model providers: protocol, base URL, region, API key (write-only)")
class ProviderController {

    private final Catalog catalog;

    ProviderController(Catalog catalog) {
        this.catalog = catalog;
    }

    record ProviderResponse(
            String id,
            String displayName,
            ProtocolFamily protocol,
            QuirksPreset quirks,
            String baseUrl,
            String region,
            String jurisdiction,
            boolean enabled,
            boolean simulated,
            boolean hasApiKey,
            Instant createdAt,
            Instant updatedAt) {
        static ProviderResponse of(Provider p) {
            return new ProviderResponse(
                    p.id().value(),
                    p.displayName(),
                    p.protocol(),
                    p.quirks(),
                    p.baseUrl(),
                    p.region(),
                    p.jurisdiction(),
                    p.enabled(),
                    p.simulated(),
                    p.hasApiKey(),
                    p.createdAt(),
                    p.updatedAt());
        }
    }

    record CreateRequest(
            @NotBlank @Size(max = 63) String id,
            @NotBlank @Size(max = 100) String displayName,
            @NotNull ProtocolFamily protocol,
            QuirksPreset quirks,
            @Size(max = 500) String baseUrl,
            @NotBlank String region,
            @NotBlank String jurisdiction,
            @Size(max = 1000) String apiKey,
            Boolean enabled,
            Boolean simulated) {
        @Override
        public String toString() {
            return "CreateRequest[id=" + id + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
        }
    }

    record UpdateRequest(
            @NotBlank @Size(max = 100) String displayName,
            @NotNull ProtocolFamily protocol,
            QuirksPreset quirks,
            @Size(max = 500) String baseUrl,
            @NotBlank String region,
            @NotBlank String jurisdiction) {
        ProviderSettings settings() {
            return new ProviderSettings(displayName, protocol, quirks, baseUrl, region, jurisdiction);
        }
    }

    record ApiKeyRequest(@NotBlank @Size(max = 1000) String apiKey) {
        @Override
        public String toString() {
            return "ApiKeyRequest[***]";
        }
    }

    @GetMapping
    @Operation(summary = "All providers, simulated ones included (marked)")
    List<ProviderResponse> list() {
        return catalog.providers().stream().map(ProviderResponse::of).toList();
    }

    @GetMapping("/{id}")
    ProviderResponse get(@PathVariable String id) {
        return ProviderResponse.of(catalog.provider(ProviderId.of(id)));
    }

    @PostMapping
    @Operation(summary = "Add a provider (disabled unless enabled is true); the API key is stored encrypted")
    ResponseEntity<ProviderResponse> create(@Valid @RequestBody CreateRequest request) {
        Provider created = catalog.createProvider(new NewProvider(
                ProviderId.of(request.id()),
                new ProviderSettings(
                        request.displayName(),
                        request.protocol(),
                        request.quirks(),
                        request.baseUrl(),
                        request.region(),
                        request.jurisdiction()),
                request.apiKey(),
                Boolean.TRUE.equals(request.enabled()),
                Boolean.TRUE.equals(request.simulated())));
        return ResponseEntity.created(URI.create("/api/v1/providers/" + created.id()))
                .body(ProviderResponse.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change name, protocol, quirks, base URL, region and jurisdiction")
    ProviderResponse update(@PathVariable String id, @Valid @RequestBody UpdateRequest request) {
        return ProviderResponse.of(catalog.updateProvider(ProviderId.of(id), request.settings()));
    }

    @PutMapping("/{id}/api-key")
    @Operation(summary = "Set or replace the upstream API key (write-only)")
    ProviderResponse setApiKey(@PathVariable String id, @Valid @RequestBody ApiKeyRequest request) {
        return ProviderResponse.of(catalog.setApiKey(ProviderId.of(id), request.apiKey()));
    }

    @DeleteMapping("/{id}/api-key")
    @Operation(summary = "Remove the upstream API key")
    ProviderResponse clearApiKey(@PathVariable String id) {
        return ProviderResponse.of(catalog.clearApiKey(ProviderId.of(id)));
    }

    @PostMapping("/{id}/enable")
    ProviderResponse enable(@PathVariable String id) {
        return ProviderResponse.of(catalog.setEnabled(ProviderId.of(id), true));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Stop routing to the provider; it stays in the catalog for the ledger")
    ProviderResponse disable(@PathVariable String id) {
        return ProviderResponse.of(catalog.setEnabled(ProviderId.of(id), false));
    }
}
