package dev.switchboard.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * REST API of runs: start a run (waiting for it up to a timeout, or not), follow it step by step,
 * search runs, cancel, retry from the failed step, and the approvals inbox.
 */
@RestController
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Runs", description = "Workflow runs, their steps, and approvals")
class RunController {

    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WorkflowRuns runs;

    RunController(WorkflowRuns runs) {
        this.runs = runs;
    }

    /**
     * @param waitForEnd ({@code wait}) wait for the run to end (up to {@code timeoutSeconds}) instead of returning at once
     * @param chargeTo the org unit to charge; the caller's when absent
     */
    record StartRequest(
            JsonNode inputs,
            Integer version,
            UUID chargeTo,
            @JsonProperty("wait") Boolean waitForEnd,
            Integer timeoutSeconds) {}

    record RunResponse(
            UUID id,
            UUID workflowId,
            String workflowKey,
            int version,
            UUID orgUnitId,
            String startedBy,
            String status,
            JsonNode inputs,
            JsonNode outputs,
            String error,
            String failedNode,
            UUID retryOf,
            UUID parentRun,
            Instant startedAt,
            Instant endedAt,
            long costMicros,
            String currency,
            List<StepResponse> steps) {
        static RunResponse of(Run r, List<Step> steps) {
            return new RunResponse(
                    r.id(),
                    r.workflowId(),
                    r.workflowKey(),
                    r.version(),
                    r.orgUnitId(),
                    r.startedBy(),
                    r.status(),
                    read(r.inputsJson()),
                    read(r.outputsJson()),
                    r.error(),
                    r.failedNode(),
                    r.retryOf(),
                    r.parentRun(),
                    r.startedAt(),
                    r.endedAt(),
                    r.costMicros(),
                    r.currency(),
                    steps == null ? null : steps.stream().map(StepResponse::of).toList());
        }
    }

    record StepResponse(
            String stepKey,
            String nodeId,
            String kind,
            String status,
            int attempts,
            JsonNode input,
            JsonNode output,
            String error,
            long inputTokens,
            long outputTokens,
            long costMicros,
            String currency,
            Instant startedAt,
            Instant endedAt,
            Long durationMillis) {
        static StepResponse of(Step s) {
            return new StepResponse(
                    s.stepKey(),
                    s.nodeId(),
                    s.kind(),
                    s.status(),
                    s.attempts(),
                    read(s.inputJson()),
                    read(s.outputJson()),
                    s.error(),
                    s.inputTokens(),
                    s.outputTokens(),
                    s.costMicros(),
                    s.currency(),
                    s.startedAt(),
                    s.endedAt(),
                    s.endedAt() == null
                            ? null
                            : Duration.between(s.startedAt(), s.endedAt()).toMillis());
        }
    }

    record DecisionRequest(String comment, JsonNode fields) {}

    @PostMapping("/api/v1/workflows/{id}/runs")
    @Operation(summary = "Start a run of the newest published version (or the one named); wait for it or not")
    ResponseEntity<RunResponse> start(@PathVariable UUID id, @RequestBody(required = false) StartRequest request) {
        StartRequest r = request == null ? new StartRequest(null, null, null, false, null) : request;
        OrgUnitId chargeTo = r.chargeTo() == null ? null : new OrgUnitId(r.chargeTo());
        Run run;
        if (Boolean.TRUE.equals(r.waitForEnd())) {
            Duration timeout = r.timeoutSeconds() == null
                    ? Duration.ofSeconds(30)
                    : Duration.ofSeconds(Math.clamp(r.timeoutSeconds(), 1, MAX_WAIT.toSeconds()));
            run = runs.startAndWait(id, r.version(), r.inputs(), chargeTo, timeout);
        } else {
            run = runs.start(id, r.version(), r.inputs(), chargeTo);
        }
        HttpStatus status = run.finished() ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status)
                .location(URI.create("/api/v1/runs/" + run.id()))
                .body(RunResponse.of(run, run.finished() ? runs.steps(run.id()) : null));
    }

    @GetMapping("/api/v1/runs")
    @Operation(summary = "Runs you may read, newest first, by workflow, status, org unit and start time")
    List<RunResponse> search(
            @RequestParam(required = false) UUID workflowId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID orgUnitId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return runs.search(workflowId, status, orgUnitId == null ? null : new OrgUnitId(orgUnitId), from, to).stream()
                .map(r -> RunResponse.of(r, null))
                .toList();
    }

    @GetMapping("/api/v1/runs/{runId}")
    @Operation(summary = "A run with its step-by-step trace: inputs, outputs, tokens, cost, duration, attempts")
    RunResponse get(@PathVariable UUID runId) {
        return RunResponse.of(runs.get(runId), runs.steps(runId));
    }

    @PostMapping("/api/v1/runs/{runId}/cancel")
    RunResponse cancel(@PathVariable UUID runId) {
        return RunResponse.of(runs.cancel(runId), null);
    }

    @PostMapping("/api/v1/runs/{runId}/retry")
    @Operation(summary = "Run a failed run again from its failed step; completed steps are reused, not charged again")
    ResponseEntity<RunResponse> retry(@PathVariable UUID runId) {
        Run retry = runs.retry(runId);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/runs/" + retry.id()))
                .body(RunResponse.of(retry, null));
    }

    @GetMapping("/api/v1/approvals")
    @Operation(summary = "Open approvals you may decide, oldest first")
    List<Approval> inbox() {
        return runs.inbox();
    }

    @PostMapping("/api/v1/approvals/{id}/approve")
    Approval approve(@PathVariable UUID id, @RequestBody(required = false) DecisionRequest request) {
        return runs.decide(
                id, true, request == null ? null : request.comment(), request == null ? null : request.fields());
    }

    @PostMapping("/api/v1/approvals/{id}/reject")
    Approval reject(@PathVariable UUID id, @RequestBody(required = false) DecisionRequest request) {
        return runs.decide(
                id, false, request == null ? null : request.comment(), request == null ? null : request.fields());
    }

    private static JsonNode read(String json) {
        return json == null ? null : JSON.readTree(json);
    }
}
