package dev.switchboard.ratelimit;

import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of rate limits per API key and per org unit (platform admins only). A unit's limit is shared
 * by every call charged to it or to a unit below it. Each kind of limit left out is no limit.
 */
@RestController
@RequestMapping("/api/v1/rate-limits")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Rate limits", description = "Requests and tokens per minute and concurrent requests, per key and org unit")
class RateLimitController {

    private final RateLimitSettings settings;

    RateLimitController(RateLimitSettings settings) {
        this.settings = settings;
    }

    record LimitResponse(
            String subjectKind,
            UUID subjectId,
            Long requestsPerMinute,
            Long tokensPerMinute,
            Long maxConcurrent,
            Instant updatedAt,
            String updatedBy) {
        static LimitResponse of(RateLimitRepository.Row row) {
            return new LimitResponse(
                    row.subject().kind() == RateLimitSubject.Kind.API_KEY ? "api-key" : "org-unit",
                    row.subject().id(),
                    row.requestsPerMinute(),
                    row.tokensPerMinute(),
                    row.maxConcurrent(),
                    row.updatedAt(),
                    row.updatedBy());
        }
    }

    record LimitRequest(
            @Positive @Max(1_000_000_000L) Long requestsPerMinute,
            @Positive @Max(1_000_000_000_000L) Long tokensPerMinute,
            @Positive @Max(1_000_000L) Long maxConcurrent) {}

    record NodeResponse(UUID nodeId, String host, Instant startedAt, Instant heartbeatAt) {}

    @GetMapping
    @Operation(summary = "Every rate limit set")
    List<LimitResponse> list() {
        return settings.list().stream().map(LimitResponse::of).toList();
    }

    @GetMapping("/nodes")
    @Operation(summary = "The live gateway nodes; each enforces an equal share of every limit")
    List<NodeResponse> nodes() {
        return settings.liveNodes().stream()
                .map(n -> new NodeResponse(n.id(), n.host(), n.startedAt(), n.heartbeatAt()))
                .toList();
    }

    @GetMapping("/api-keys/{keyId}")
    LimitResponse key(@PathVariable UUID keyId) {
        return LimitResponse.of(settings.get(RateLimitSubject.apiKey(keyId)));
    }

    @PutMapping("/api-keys/{keyId}")
    @Operation(summary = "Set the key's limits (replacing any)")
    LimitResponse setKey(@PathVariable UUID keyId, @Valid @RequestBody LimitRequest request) {
        return set(RateLimitSubject.apiKey(keyId), request);
    }

    @DeleteMapping("/api-keys/{keyId}")
    ResponseEntity<Void> deleteKey(@PathVariable UUID keyId) {
        settings.delete(RateLimitSubject.apiKey(keyId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/org-units/{unitId}")
    LimitResponse unit(@PathVariable UUID unitId) {
        return LimitResponse.of(settings.get(RateLimitSubject.orgUnit(unitId)));
    }

    @PutMapping("/org-units/{unitId}")
    @Operation(summary = "Set the unit's limits (replacing any); the whole subtree shares them")
    LimitResponse setUnit(@PathVariable UUID unitId, @Valid @RequestBody LimitRequest request) {
        return set(RateLimitSubject.orgUnit(unitId), request);
    }

    @DeleteMapping("/org-units/{unitId}")
    ResponseEntity<Void> deleteUnit(@PathVariable UUID unitId) {
        settings.delete(RateLimitSubject.orgUnit(unitId));
        return ResponseEntity.noContent().build();
    }

    private LimitResponse set(RateLimitSubject subject, LimitRequest request) {
        return LimitResponse.of(
                settings.set(subject, request.requestsPerMinute(), request.tokensPerMinute(), request.maxConcurrent()));
    }
}
