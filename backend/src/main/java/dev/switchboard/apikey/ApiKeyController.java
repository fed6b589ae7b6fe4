package dev.switchboard.apikey;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the gateway's API keys. The secret is in the create response only. Platform admins
 * manage every key, designers and operators the keys of their org units; others get 403.
 */
@RestController
@RequestMapping("/api/v1/keys")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "API keys", description = "Keys for the OpenAI-compatible gateway, charged to an org unit")
class ApiKeyController {

    private final ApiKeys keys;
    private final Clock clock;

    ApiKeyController(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    record KeyResponse(
            UUID id,
            UUID orgUnitId,
            UUID projectId,
            String name,
            String prefix,
            ApiKeyStatus status,
            String createdBy,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt) {
        static KeyResponse of(ApiKey k, Instant now) {
            return new KeyResponse(
                    k.id().value(),
                    k.orgUnitId().value(),
                    k.projectId() == null ? null : k.projectId().value(),
                    k.name(),
                    k.prefix(),
                    k.statusAt(now),
                    k.createdBy(),
                    k.createdAt(),
                    k.expiresAt(),
                    k.revokedAt());
        }
    }

    /** @param secret shown in this response only */
    record CreatedResponse(KeyResponse key, String secret) {
        @Override
        public String toString() {
            return "CreatedResponse[key=" + key + ", secret=***]";
        }
    }

    record CreateRequest(
            @NotNull UUID orgUnitId,
            UUID projectId,
            @NotBlank @Size(max = NewApiKey.MAX_NAME_LENGTH) String name,
            Instant expiresAt) {}

    @PostMapping
    @Operation(summary = "Create a key; the secret is in this response and never again")
    ResponseEntity<CreatedResponse> create(@Valid @RequestBody CreateRequest request) {
        CreatedApiKey created = keys.create(new NewApiKey(
                new OrgUnitId(request.orgUnitId()),
                request.projectId() == null ? null : new OrgUnitId(request.projectId()),
                request.name(),
                request.expiresAt()));
        return ResponseEntity.created(URI.create("/api/v1/keys/" + created.key().id()))
                .body(new CreatedResponse(KeyResponse.of(created.key(), clock.instant()), created.secret()));
    }

    @GetMapping
    @Operation(summary = "Keys you may manage (no secrets), newest first; optionally of one org unit or project")
    List<KeyResponse> list(@RequestParam(required = false) UUID orgUnitId) {
        Instant now = clock.instant();
        return keys.list(Optional.ofNullable(orgUnitId).map(OrgUnitId::new)).stream()
                .map(k -> KeyResponse.of(k, now))
                .toList();
    }

    @GetMapping("/{id}")
    KeyResponse get(@PathVariable UUID id) {
        return KeyResponse.of(keys.get(new ApiKeyId(id)), clock.instant());
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke: the key stops working (within 30 s on every node); it stays listed")
    KeyResponse revoke(@PathVariable UUID id) {
        return KeyResponse.of(keys.revoke(new ApiKeyId(id)), clock.instant());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete = revoke: the key stays for the ledger that names it")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        keys.revoke(new ApiKeyId(id));
        return ResponseEntity.noContent().build();
    }
}
