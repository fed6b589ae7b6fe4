package dev.switchboard.chargeback;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of chargeback statements: read (live for open periods), close, export as CSV. Access rules
 * live in {@link Chargeback}.
 */
@RestController
@RequestMapping("/api/v1/chargeback/statements")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Chargeback", description = "Statements per org unit and period: usage, wholesale, retail, margin")
class ChargebackController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Chargeback chargeback;
    private final OrgService org;

    ChargebackController(Chargeback chargeback, OrgService org) {
        this.chargeback = chargeback;
        this.org = org;
    }

    record LineResponse(
            boolean late,
            String lateFromPeriod,
            UUID projectId,
            String projectName,
            String model,
            String providerId,
            UUID apiKeyId,
            String currency,
            long calls,
            long inputTokens,
            long cachedInputTokens,
            long outputTokens,
            long wholesaleMicros,
            long retailMicros,
            long marginMicros) {}

    record TotalResponse(
            String currency,
            long calls,
            long inputTokens,
            long cachedInputTokens,
            long outputTokens,
            long wholesaleMicros,
            long retailMicros,
            long marginMicros) {}

    record StatementResponse(
            UUID id,
            UUID orgUnitId,
            String orgUnitName,
            String period,
            Instant periodStart,
            Instant periodEnd,
            String zone,
            String status,
            Instant asOf,
            String closedBy,
            Long ledgerPosition,
            List<LineResponse> lines,
            List<TotalResponse> totals) {}

    record CloseRequest(@NotNull UUID orgUnit, @NotBlank String period) {}

    @GetMapping
    @Operation(summary = "The unit's statement for a period (default: the current one); live while open")
    StatementResponse statement(@RequestParam UUID orgUnit, @RequestParam(required = false) String period) {
        return response(chargeback.statement(new OrgUnitId(orgUnit), period));
    }

    @GetMapping("/export")
    @Operation(summary = "The unit's statement for a period as CSV")
    ResponseEntity<String> export(@RequestParam UUID orgUnit, @RequestParam(required = false) String period) {
        return csv(chargeback.statement(new OrgUnitId(orgUnit), period));
    }

    @PostMapping("/close")
    @Operation(summary = "Close an ended period: its statement is stored and never changes (admin/finance)")
    ResponseEntity<StatementResponse> close(@Valid @RequestBody CloseRequest request) {
        Statement closed = chargeback.close(new OrgUnitId(request.orgUnit()), request.period());
        return ResponseEntity.created(URI.create("/api/v1/chargeback/statements/" + closed.id()))
                .body(response(closed));
    }

    @GetMapping("/{id}")
    StatementResponse get(@PathVariable UUID id) {
        return response(chargeback.get(new StatementId(id)));
    }

    @GetMapping("/{id}/export")
    ResponseEntity<String> exportClosed(@PathVariable UUID id) {
        return csv(chargeback.get(new StatementId(id)));
    }

    private ResponseEntity<String> csv(Statement statement) {
        // the content type is set here, so the body is CSV whatever the Accept header asked for
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(chargeback.csvFileName(statement))
                                .build()
                                .toString())
                .body(chargeback.csv(statement));
    }

    private StatementResponse response(Statement s) {
        Map<OrgUnitId, String> names = names();
        return new StatementResponse(
                s.id() == null ? null : s.id().value(),
                s.orgUnitId().value(),
                names.get(s.orgUnitId()),
                s.period().label(),
                s.period().start(),
                s.period().end(),
                s.zone(),
                s.status().name().toLowerCase(Locale.ROOT),
                s.asOf(),
                s.closedBy(),
                s.ledgerPosition(),
                s.lines().stream()
                        .map(l -> new LineResponse(
                                l.late(),
                                l.lateFromPeriod(),
                                l.projectId() == null ? null : l.projectId().value(),
                                l.projectId() == null ? null : names.get(l.projectId()),
                                l.model(),
                                l.providerId(),
                                l.apiKeyId(),
                                l.currency(),
                                l.calls(),
                                l.inputTokens(),
                                l.cachedInputTokens(),
                                l.outputTokens(),
                                l.wholesaleMicros(),
                                l.retailMicros(),
                                l.marginMicros()))
                        .toList(),
                s.totals().stream()
                        .map(t -> new TotalResponse(
                                t.currency(),
                                t.calls(),
                                t.inputTokens(),
                                t.cachedInputTokens(),
                                t.outputTokens(),
                                t.wholesaleMicros(),
                                t.retailMicros(),
                                t.marginMicros()))
                        .toList());
    }

    private Map<OrgUnitId, String> names() {
        return org.list(true).stream().collect(Collectors.toMap(OrgUnit::id, OrgUnit::name));
    }
}
