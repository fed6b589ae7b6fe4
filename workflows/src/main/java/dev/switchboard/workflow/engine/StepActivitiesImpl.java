package dev.switchboard.workflow.engine;

import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.prompt.PromptLibrary;
import dev.switchboard.prompts.ModelSettings;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.PromptRenderer;
import dev.switchboard.prompts.RenderedPrompt;
import dev.switchboard.temporal.TemporalProperties;
import dev.switchboard.workflow.Node;
import dev.switchboard.workflow.RunRepository;
import dev.switchboard.workflow.Step;
import dev.switchboard.workflow.WorkflowStore;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the steps that call out: models through the router (charged to the run's org unit, with the run
 * and step in the charge context) and connectors. Every step is idempotent on its key: a step already
 * recorded as succeeded returns its stored output, and a model call uses a request id derived from the
 * key, so a call repeated after a crash is charged once (the ledger is idempotent on the request id).
 */
@Component
@ActivityImpl(workers = TemporalProperties.WORKER)
class StepActivitiesImpl implements StepActivities {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GatewayService gateway;
    private final PromptLibrary prompts;
    private final PromptRenderer renderer;
    private final RunRepository runs;
    private final WorkflowStore store;
    private final ConnectorSteps connectors;
    private final WorkflowTools workflowTools;
    private final Clock clock;

    StepActivitiesImpl(
            GatewayService gateway,
            PromptLibrary prompts,
            PromptRenderer renderer,
            RunRepository runs,
            WorkflowStore store,
            ConnectorSteps connectors,
            WorkflowTools workflowTools,
            Clock clock) {
        this.workflowTools = workflowTools;
        this.gateway = gateway;
        this.prompts = prompts;
        this.renderer = renderer;
        this.runs = runs;
        this.store = store;
        this.connectors = connectors;
        this.clock = clock;
    }

    @Override
    public StepResult llm(StepCall call) {
        return recorded(call, () -> {
            Node.Llm node = (Node.Llm) Json.read(call.nodeJson(), Node.class);
            JsonNode input = Json.read(call.inputJson());
            ObjectNode body = requestOf(node, input);
            // the cap leaves out, before the call, every deployment whose worst case is over it; the check
            // after the call stays for a provider that reports more than the worst case allowed
            Long cap = node.policy().costCapMicros();
            StepResult result = chat(call, body, requestId(call.idempotencyKey()), cap);
            if (cap != null && result.costMicros() > cap) {
                throw invalid(
                        "the call cost " + result.costMicros() + " micro-units, over the step's cost cap of " + cap);
            }
            return result;
        });
    }

    @Override
    public StepResult agent(StepCall call) {
        return recorded(call, () -> new AgentLoop(this, connectors, workflowTools, call).run());
    }

    @Override
    public StepResult connector(StepCall call) {
        return recorded(call, () -> {
            Node.Http node = (Node.Http) Json.read(call.nodeJson(), Node.class);
            JsonNode input = Json.read(call.inputJson()).path("input");
            JsonNode output = connectors.invoke(
                    node.connector(),
                    node.action(),
                    input,
                    call.idempotencyKey(),
                    node.policy().timeout());
            return StepResult.free(Json.write(output));
        });
    }

    @Override
    public String resolveWorkflow(String key, Integer version) {
        WorkflowStore.Published published = store.published(key, version)
                .orElseThrow(() -> invalid(
                        "no published workflow '" + key + "'" + (version == null ? "" : " version " + version)));
        return Json.write(
                NODES.objectNode().put("version", published.version()).put("definition", published.definitionJson()));
    }

    /** One model call of a step, under a request id that is the same on every retry. */
    StepResult chat(StepCall call, ObjectNode body, String requestId) {
        return chat(call, body, requestId, null);
    }

    /** A chat call charged to the step; {@code costCapMicros}, when given, bounds its worst case. */
    StepResult chat(StepCall call, ObjectNode body, String requestId, Long costCapMicros) {
        try {
            return resultOf(outcome(call, body, requestId, costCapMicros), body);
        } catch (GatewayException e) {
            throw failureOf(e);
        }
    }

    /** Like {@link #chat} with a cap, but empty when no deployment's worst case fits the cap. */
    Optional<StepResult> chatWithinCap(StepCall call, ObjectNode body, String requestId, long costCapMicros) {
        try {
            return Optional.of(resultOf(outcome(call, body, requestId, costCapMicros), body));
        } catch (GatewayException e) {
            if (GatewayException.COST_CAP_EXCEEDED.equals(e.code())) {
                return Optional.empty();
            }
            throw failureOf(e);
        }
    }

    private GatewayService.ChatOutcome outcome(StepCall call, ObjectNode body, String requestId, Long costCapMicros) {
        ChargeContext charge = new ChargeContext(
                new OrgUnitId(UUID.fromString(call.orgUnitId())),
                call.projectId() == null ? null : new OrgUnitId(UUID.fromString(call.projectId())),
                null,
                call.runId(),
                call.stepKey());
        return gateway.chat(charge, body, null, requestId, costCapMicros);
    }

    private StepResult resultOf(GatewayService.ChatOutcome outcome, ObjectNode body) {
        JsonNode response = outcome.response();
        String text =
                response.path("choices").path(0).path("message").path("content").asString("");
        long inputTokens = response.path("usage").path("prompt_tokens").asLong();
        long outputTokens = response.path("usage").path("completion_tokens").asLong();
        ObjectNode output = NODES.objectNode()
                .put("text", text)
                .put("model", outcome.receipt().model())
                .put("provider", outcome.receipt().providerId())
                .put("inputTokens", inputTokens)
                .put("outputTokens", outputTokens)
                .put("costMicros", outcome.receipt().retail().micros());
        output.set("json", jsonIn(text, body));
        output.set("message", response.path("choices").path(0).path("message"));
        return new StepResult(
                Json.write(output),
                inputTokens,
                outputTokens,
                outcome.receipt().retail().micros(),
                outcome.receipt().retail().currency().getCurrencyCode());
    }

    private ObjectNode requestOf(Node.Llm node, JsonNode input) {
        if (node.prompt() != null) {
            var version = prompts.publishedVersion(
                            node.prompt().key(), node.prompt().version())
                    .orElseThrow(() -> invalid(
                            "no published prompt template '" + node.prompt().key() + "'"));
            Map<String, JsonNode> values = new HashMap<>();
            input.path("variables").properties().forEach(e -> values.put(e.getKey(), e.getValue()));
            try {
                RenderedPrompt rendered = renderer.render(version.template(), values);
                String model = ModelSettings.AUTO.equals(node.settings().model())
                        ? null
                        : node.settings().model();
                return rendered.chatRequest(model);
            } catch (PromptException e) {
                throw invalid("the prompt template does not render: " + e.getMessage());
            }
        }
        var messages = new java.util.ArrayList<RenderedPrompt.Message>();
        for (JsonNode m : input.path("messages")) {
            var role = dev.switchboard.prompts.PromptMessage.Role.valueOf(
                    m.path("role").asString().toUpperCase());
            JsonNode content = m.path("content");
            messages.add(new RenderedPrompt.Message(
                    role, false, content.isString() ? content.asString() : content.toString()));
        }
        return new RenderedPrompt(messages, node.settings(), Map.of()).chatRequest(null);
    }

    /** The answer parsed as JSON when JSON was asked for and it is JSON; else null. */
    private static JsonNode jsonIn(String text, ObjectNode body) {
        if (!body.has("response_format")) {
            return NODES.nullNode();
        }
        try {
            return Json.read(text);
        } catch (RuntimeException notJson) {
            return NODES.nullNode();
        }
    }

    /** Runs a step unless it already succeeded, and records its attempt and outcome. */
    private StepResult recorded(StepCall call, Supplier<StepResult> work) {
        UUID runId = UUID.fromString(call.runId());
        Optional<Step> done =
                runs.stepStarted(runId, call.stepKey(), call.nodeId(), call.kind(), call.inputJson(), clock.instant());
        if (done.isPresent()) {
            Step s = done.get();
            return new StepResult(s.outputJson(), s.inputTokens(), s.outputTokens(), s.costMicros(), s.currency());
        }
        try {
            StepResult result = work.get();
            runs.stepFinished(
                    runId,
                    call.stepKey(),
                    call.nodeId(),
                    call.kind(),
                    "SUCCEEDED",
                    result.outputJson(),
                    null,
                    result.inputTokens(),
                    result.outputTokens(),
                    result.costMicros(),
                    result.currency(),
                    clock.instant());
            return result;
        } catch (ApplicationFailure failure) {
            String status = BUDGET_EXHAUSTED.equals(failure.getType()) ? "WAITING" : "FAILED";
            runs.stepFinished(
                    runId,
                    call.stepKey(),
                    call.nodeId(),
                    call.kind(),
                    status,
                    null,
                    failure.getOriginalMessage(),
                    0,
                    0,
                    0,
                    null,
                    clock.instant());
            throw failure;
        } catch (RuntimeException | Error e) {
            runs.stepFinished(
                    runId,
                    call.stepKey(),
                    call.nodeId(),
                    call.kind(),
                    "FAILED",
                    null,
                    e.getMessage(),
                    0,
                    0,
                    0,
                    null,
                    clock.instant());
            throw e;
        }
    }

    /** Budget refusals wait; bad requests fail for good; rate limits and upstream trouble are retried. */
    static ApplicationFailure failureOf(GatewayException e) {
        if (e.status() == 402) {
            return ApplicationFailure.newNonRetryableFailure(e.getMessage(), BUDGET_EXHAUSTED);
        }
        if (e.status() >= 400 && e.status() < 500 && e.status() != 429 && e.status() != 408) {
            return ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID);
        }
        ApplicationFailure retryable = ApplicationFailure.newFailure(e.getMessage(), "Upstream" + e.status());
        e.retryAfter().ifPresent(retryable::setNextRetryDelay);
        return retryable;
    }

    static ApplicationFailure invalid(String message) {
        return ApplicationFailure.newNonRetryableFailure(message, INVALID);
    }

    /** The ledger request id of a call: derived from the step's key, so retries share it. */
    static String requestId(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "req_wf_" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
