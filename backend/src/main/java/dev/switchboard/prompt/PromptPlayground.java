package dev.switchboard.prompt;

import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.prompts.CheckResult;
import dev.switchboard.prompts.OutputCheck;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.PromptRenderer;
import dev.switchboard.prompts.RenderedPrompt;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The playground: render a version with sample values, see what it would cost on each model, run it on
 * one to four models side by side through the router (in parallel, charged to the caller's org unit,
 * one model's failure leaving the others' answers intact), save a run as a test case and run a version
 * against its test cases to compare versions before publishing.
 */
@Service
public class PromptPlayground {

    static final int MAX_MODELS = 4;

    private final PromptLibrary library;
    private final TestCaseRepository testCases;
    private final PromptAccess access;
    private final PromptRenderer renderer;
    private final CostEstimator estimator;
    private final GatewayService gateway;
    private final Clock clock;

    PromptPlayground(
            PromptLibrary library,
            TestCaseRepository testCases,
            PromptAccess access,
            PromptRenderer renderer,
            CostEstimator estimator,
            GatewayService gateway,
            Clock clock) {
        this.library = library;
        this.testCases = testCases;
        this.access = access;
        this.renderer = renderer;
        this.estimator = estimator;
        this.gateway = gateway;
        this.clock = clock;
    }

    /**
     * Renders a version ({@code null}: the newest) with values.
     *
     * @throws PromptException naming every missing, unknown or mistyped variable
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public RenderedPrompt render(PromptId id, Integer version, Map<String, JsonNode> values) {
        return renderer.render(versionOf(id, version).template(), values);
    }

    /** The expected tokens and cost on each model, without calling any. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ModelEstimate> estimate(
            PromptId id, Integer version, Map<String, JsonNode> values, List<String> models, OrgUnitId chargeTo) {
        PromptVersion v = versionOf(id, version);
        RenderedPrompt rendered = renderer.render(v.template(), values);
        OrgUnitId unit = chargeUnit(id, chargeTo);
        return checked(models, v).stream()
                .map(model -> estimator.estimate(unit, model, rendered.chatRequest(model)))
                .toList();
    }

    /** Runs a version on each model at once; every answer is charged to the unit and in the ledger. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER', 'OPERATOR')")
    public PlaygroundRun run(
            PromptId id, Integer version, Map<String, JsonNode> values, List<String> models, OrgUnitId chargeTo) {
        PromptVersion v = versionOf(id, version);
        RenderedPrompt rendered = renderer.render(v.template(), values);
        OrgUnitId unit = chargeUnit(id, chargeTo);
        List<ModelRun> runs = inParallel(checked(models, v), model -> call(unit, model, rendered));
        return new PlaygroundRun(rendered, unit, runs);
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public TestCase saveTestCase(
            PromptId id, String name, Map<String, JsonNode> inputs, List<OutputCheck> checks, String model) {
        PromptRepository.TemplateRow row = library.readable(id);
        access.requireEdit(access.caller(), row.orgUnitId());
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new PromptInputException("name", "a test case needs a name of 1-200 characters");
        }
        if (checks == null || checks.isEmpty()) {
            throw new PromptInputException("checks", "a test case needs at least one check");
        }
        TestCase testCase = new TestCase(
                UUID.randomUUID(),
                id,
                name.strip(),
                inputs == null ? Map.of() : inputs,
                checks,
                model == null || model.isBlank() ? null : model.strip(),
                access.caller().username(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        testCases.insert(testCase);
        return testCase;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TestCase> testCases(PromptId id) {
        library.readable(id);
        return testCases.findByTemplate(id);
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER')")
    @Transactional
    public void deleteTestCase(PromptId id, UUID caseId) {
        access.requireEdit(access.caller(), library.readable(id).orgUnitId());
        if (!testCases.delete(id, caseId)) {
            throw new PromptNotFoundException("template " + id + " has no test case " + caseId);
        }
    }

    /** Runs a version against every saved test case (in parallel), each on its model or the version's. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER', 'OPERATOR')")
    public TestReport runTests(PromptId id, int version, OrgUnitId chargeTo) {
        PromptVersion v = versionOf(id, version);
        OrgUnitId unit = chargeUnit(id, chargeTo);
        List<TestCase> cases = testCases(id);
        List<TestReport.CaseResult> results = inParallel(cases, c -> runCase(unit, v, c));
        return new TestReport(id, v.number(), results);
    }

    private TestReport.CaseResult runCase(OrgUnitId unit, PromptVersion version, TestCase c) {
        String model =
                c.model() != null ? c.model() : version.template().settings().model();
        RenderedPrompt rendered;
        try {
            rendered = renderer.render(version.template(), c.inputs());
        } catch (PromptException e) {
            return new TestReport.CaseResult(c.id(), c.name(), model, false, null, List.of(), null, e.getMessage());
        }
        ModelRun run = call(unit, model, rendered);
        if (!run.ok()) {
            return new TestReport.CaseResult(c.id(), c.name(), model, false, null, List.of(), null, run.error());
        }
        List<CheckResult> checks = c.checks().stream()
                .map(check -> check.evaluate(run.output(), version.template()))
                .toList();
        return new TestReport.CaseResult(
                c.id(),
                c.name(),
                model,
                checks.stream().allMatch(CheckResult::passed),
                run.output(),
                checks,
                run.cost(),
                null);
    }

    private ModelRun call(OrgUnitId unit, String model, RenderedPrompt rendered) {
        try {
            GatewayService.ChatOutcome outcome =
                    gateway.chat(ChargeContext.of(unit), rendered.chatRequest(model), null);
            JsonNode response = outcome.response();
            return new ModelRun(
                    model,
                    outcome.receipt().providerId(),
                    outcome.receipt().model(),
                    response.path("choices")
                            .path(0)
                            .path("message")
                            .path("content")
                            .asString(""),
                    response.path("usage").path("prompt_tokens").asLong(),
                    response.path("usage").path("completion_tokens").asLong(),
                    outcome.receipt().retail(),
                    outcome.receipt().latencyMillis(),
                    outcome.receipt().requestId(),
                    null);
        } catch (GatewayException e) {
            return new ModelRun(model, null, null, null, 0, 0, null, 0, null, e.getMessage());
        } catch (RuntimeException e) {
            return new ModelRun(model, null, null, null, 0, 0, null, 0, null, "the call failed: " + e.getMessage());
        }
    }

    /** One virtual thread per item; results in the items' order. */
    private static <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = items.stream()
                    .map(item -> threads.submit(() -> work.apply(item)))
                    .toList();
            return futures.stream().map(PromptPlayground::join).toList();
        }
    }

    private static <R> R join(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the models", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a playground call failed unexpectedly", e.getCause());
        }
    }

    private PromptVersion versionOf(PromptId id, Integer version) {
        return version == null ? library.current(id) : library.version(id, version);
    }

    private OrgUnitId chargeUnit(PromptId id, OrgUnitId requested) {
        return access.chargeUnit(
                access.caller(), requested, library.readable(id).orgUnitId());
    }

    private static List<String> checked(List<String> models, PromptVersion version) {
        List<String> wanted = models == null || models.isEmpty()
                ? List.of(version.template().settings().model())
                : models.stream()
                        .map(m -> m == null ? "" : m.strip())
                        .distinct()
                        .toList();
        if (wanted.size() > MAX_MODELS || wanted.stream().anyMatch(String::isEmpty)) {
            throw new PromptInputException(
                    "models", "give one to " + MAX_MODELS + " distinct model names (or none for the template's)");
        }
        return wanted;
    }
}
