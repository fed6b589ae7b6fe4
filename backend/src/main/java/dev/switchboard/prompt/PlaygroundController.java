package dev.switchboard.prompt;

import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import dev.switchboard.prompts.OutputCheck;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.RenderedPrompt;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** REST API of the playground: render, estimate, run side by side, test cases and test runs. */
@RestController
@RequestMapping("/api/v1/prompts/{id}")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Prompt playground", description = "Render, estimate and run templates on models; test cases")
class PlaygroundController {

    private final PromptPlayground playground;

    PlaygroundController(PromptPlayground playground) {
        this.playground = playground;
    }

    /** @param version {@code null}: the newest version (the draft if there is one) */
    record RenderRequest(Integer version, Map<String, JsonNode> values) {}

    /** @param models one to four models, tiers or aliases; none: the template's own */
    record RunRequest(Integer version, Map<String, JsonNode> values, List<String> models, UUID orgUnitId) {}

    record RunResponse(RenderedPrompt rendered, UUID chargedTo, List<ModelRun> runs) {}

    record TestCaseRequest(
            @NotNull String name,
            Map<String, JsonNode> inputs,
            @NotEmpty List<@NotNull OutputCheck> checks,
            String model) {}

    record TestRunRequest(@NotNull Integer version, UUID orgUnitId) {}

    @ExceptionHandler(PromptException.class)
    ProblemDetail invalidPrompt(PromptException e) {
        return PromptProblemDetails.of(e);
    }

    @PostMapping("/render")
    @Operation(
            summary = "Render with values: the messages as sent; 400 names each missing, unknown or mistyped variable")
    RenderedPrompt render(@PathVariable UUID id, @RequestBody RenderRequest request) {
        return playground.render(new PromptId(id), request.version(), values(request.values()));
    }

    @PostMapping("/estimate")
    @Operation(summary = "Expected tokens and retail cost per model (USD), from the router's plan; nothing is called")
    List<ModelEstimate> estimate(@PathVariable UUID id, @RequestBody RunRequest request) {
        return playground.estimate(
                new PromptId(id),
                request.version(),
                values(request.values()),
                request.models(),
                unit(request.orgUnitId()));
    }

    @PostMapping("/run")
    @Operation(summary = "Run on one to four models side by side through the router, charged to your org unit")
    RunResponse run(@PathVariable UUID id, @RequestBody RunRequest request) {
        PlaygroundRun run = playground.run(
                new PromptId(id),
                request.version(),
                values(request.values()),
                request.models(),
                unit(request.orgUnitId()));
        return new RunResponse(run.rendered(), run.chargedTo().value(), run.runs());
    }

    @GetMapping("/test-cases")
    List<TestCase> testCases(@PathVariable UUID id) {
        return playground.testCases(new PromptId(id));
    }

    @PostMapping("/test-cases")
    @Operation(summary = "Save inputs and checks (contains, regex, json_schema) as a test case")
    ResponseEntity<TestCase> saveTestCase(@PathVariable UUID id, @Valid @RequestBody TestCaseRequest request) {
        TestCase saved = playground.saveTestCase(
                new PromptId(id), request.name(), values(request.inputs()), request.checks(), request.model());
        return ResponseEntity.status(201).body(saved);
    }

    @DeleteMapping("/test-cases/{caseId}")
    ResponseEntity<Void> deleteTestCase(@PathVariable UUID id, @PathVariable UUID caseId) {
        playground.deleteTestCase(new PromptId(id), caseId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/test-runs")
    @Operation(summary = "Run a version against every test case: pass/fail per case and check")
    TestReport runTests(@PathVariable UUID id, @Valid @RequestBody TestRunRequest request) {
        return playground.runTests(new PromptId(id), request.version(), unit(request.orgUnitId()));
    }

    private static Map<String, JsonNode> values(Map<String, JsonNode> values) {
        return values == null ? Map.of() : values;
    }

    private static OrgUnitId unit(UUID id) {
        return id == null ? null : new OrgUnitId(id);
    }
}
