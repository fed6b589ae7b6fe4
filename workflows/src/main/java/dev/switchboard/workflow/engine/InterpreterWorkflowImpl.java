package dev.switchboard.workflow.engine;

import dev.switchboard.temporal.TemporalProperties;
import dev.switchboard.workflow.Edge;
import dev.switchboard.workflow.Node;
import dev.switchboard.workflow.NodePolicy;
import dev.switchboard.workflow.WorkflowDefinition;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Interprets a published workflow version, deterministically: it walks the graph from the start node,
 * evaluates conditions, switches, loops and transforms as workflow code, and leaves every side effect
 * to activities (model and connector calls, {@link StepActivities}) and local activities (what the run
 * writes about itself, {@link RunJournal}). A step that fails takes its node's {@code onError} path; a
 * step refused for want of budget waits (durably) until the budget changes; an approval waits on a
 * signal with a durable timeout. Changes to what this class does with a given history must be guarded
 * with {@link Workflow#getVersion} (see {@link #CHANGES}); {@code InterpreterReplayTest} replays stored
 * histories against it.
 */
@WorkflowImpl(workers = TemporalProperties.WORKER)
public class InterpreterWorkflowImpl implements InterpreterWorkflow {

    /** The change id of {@link Workflow#getVersion}; bump the max version when behaviour changes. */
    static final String CHANGES = "interpreter";

    /** The change id of the fix that made a cancelled step's run end cancelled, not failed. */
    static final String CANCELLED_STEP = "cancelled-step-ends-run-cancelled";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RunJournal journal = Workflow.newLocalActivityStub(
            RunJournal.class,
            LocalActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(
                            RetryOptions.newBuilder().setMaximumAttempts(10).build())
                    .build());
    private final Map<String, StepActivities> activitiesByNode = new HashMap<>();
    private final Map<String, ApprovalDecision> decisions = new HashMap<>();
    private final Map<String, Integer> executions = new HashMap<>();
    private final Map<String, Integer> loopPasses = new HashMap<>();
    private boolean budgetChanged;
    private String phase = "starting";

    private RunRequest request;
    private WorkflowDefinition definition;
    private ObjectNode scope;
    private ObjectNode steps;

    @Override
    public RunOutcome run(RunRequest request) {
        this.request = request;
        Workflow.getVersion(CHANGES, Workflow.DEFAULT_VERSION, 1);
        definition = Json.definition(request.definitionJson());
        steps = NODES.objectNode();
        scope = NODES.objectNode();
        scope.set("inputs", Json.read(request.inputsJson()));
        scope.set("steps", steps);
        scope.set(
                "run",
                NODES.objectNode()
                        .put("id", request.runId())
                        .put("workflow", request.workflowKey())
                        .put("version", request.version())
                        .put("orgUnit", request.orgUnitId()));
        phase = "running";
        try {
            Node start = definition.nodes().stream()
                    .filter(n -> n instanceof Node.Start)
                    .findFirst()
                    .orElseThrow(() -> new StepFailed(null, "the workflow has no start node"));
            Reached end = walk(start.id(), false);
            String outputs = Json.write(end.outputs());
            journal.runStatus(request.runId(), "SUCCEEDED", outputs, null, null);
            phase = "succeeded";
            return new RunOutcome("SUCCEEDED", outputs, null, null);
        } catch (StepFailed f) {
            journal.runStatus(request.runId(), "FAILED", null, f.getMessage(), f.node);
            phase = "failed";
            return new RunOutcome("FAILED", null, f.getMessage(), f.node);
        } catch (CanceledFailure cancelled) {
            Workflow.newDetachedCancellationScope(
                            () -> journal.runStatus(request.runId(), "CANCELLED", null, "cancelled", null))
                    .run();
            throw cancelled;
        }
    }

    @Override
    public void decide(ApprovalDecision decision) {
        decisions.put(decision.stepKey(), decision);
    }

    @Override
    public void budgetChanged() {
        budgetChanged = true;
    }

    @Override
    public String phase() {
        return phase;
    }

    /** Where a walk stopped: an end node (with the run's outputs) or, inside a branch, a join node. */
    private record Reached(ObjectNode outputs, String join) {}

    private Reached walk(String from, boolean inBranch) {
        String current = from;
        while (true) {
            String at = current;
            Node node = definition.node(at).orElseThrow(() -> new StepFailed(null, "no node " + at));
            if (node instanceof Node.Join && inBranch) {
                return new Reached(null, node.id());
            }
            Visit visit;
            try {
                visit = visit(node);
            } catch (IllegalArgumentException e) {
                // a reference that does not resolve at run time (the validator checked what it could)
                throw new StepFailed(node.id(), e.getMessage());
            }
            if (visit.end() != null) {
                return visit.end();
            }
            current = visit.next();
        }
    }

    /** What visiting a node leads to: the next node, or the end of the walk. */
    private record Visit(String next, Reached end) {}

    private Visit visit(Node node) {
        {
            String key = stepKey(node.id());
            String port;
            switch (node) {
                case Node.Start s -> {
                    port = record(s, key, scope.get("inputs"));
                }
                case Node.End e -> {
                    ObjectNode outputs = NODES.objectNode();
                    e.outputs().forEach((name, value) -> outputs.set(name, Exprs.render(value, scope)));
                    record(e, key, outputs);
                    return new Visit(null, new Reached(outputs, null));
                }
                case Node.Condition c -> {
                    boolean value = Exprs.truthy(evaluate(c, c.expression()));
                    record(c, key, NODES.objectNode().put("value", value));
                    port = value ? "true" : "false";
                }
                case Node.Switch sw -> {
                    JsonNode value = evaluate(sw, sw.expression());
                    String text = value.isValueNode() ? value.asString() : value.toString();
                    record(sw, key, NODES.objectNode().set("value", value));
                    port = sw.cases().contains(text) ? text : "default";
                }
                case Node.Loop loop -> {
                    int passes = loopPasses.getOrDefault(loop.id(), 0);
                    boolean again = passes < loop.maxIterations() && Exprs.truthy(evaluate(loop, loop.expression()));
                    loopPasses.put(loop.id(), again ? passes + 1 : 0);
                    record(loop, key, NODES.objectNode().put("iterations", again ? passes + 1 : passes));
                    port = again ? "body" : "done";
                }
                case Node.Parallel p -> {
                    record(p, key, NODES.objectNode());
                    Reached reached = parallel(p);
                    if (reached.outputs() != null) {
                        return new Visit(null, reached);
                    }
                    Node join = definition.node(reached.join()).orElseThrow();
                    record(join, stepKey(join.id()), NODES.objectNode());
                    return new Visit(next(join, Node.OUT), null);
                }
                case Node.Join j -> port = record(j, key, NODES.objectNode());
                case Node.Transform t -> port = record(t, key, Exprs.render(t.value(), scope));
                case Node.Wait w -> {
                    journal.step(request.runId(), key, w.id(), w.kind(), "RUNNING", null, null);
                    Workflow.sleep(w.duration());
                    port = record(
                            w,
                            key,
                            NODES.objectNode().put("waitedMillis", w.duration().toMillis()));
                }
                case Node.Approval a -> port = approval(a, key);
                default -> port = step(node, key);
            }
            return new Visit(next(node, port), null);
        }
    }

    private Reached parallel(Node.Parallel p) {
        List<Promise<Reached>> branches = new ArrayList<>();
        for (Edge e : definition.edgesFrom(p.id())) {
            branches.add(Async.function(() -> walk(e.to(), true)));
        }
        Promise.allOf(branches).get();
        Reached joined = null;
        for (Promise<Reached> branch : branches) {
            Reached r = branch.get();
            if (r.outputs() != null) {
                return r; // a branch ended the run
            }
            joined = r;
        }
        return joined;
    }

    private String next(Node node, String port) {
        return definition.edgesFrom(node.id()).stream()
                .filter(e -> e.port().equals(port))
                .map(Edge::to)
                .findFirst()
                .orElseThrow(() -> new StepFailed(node.id(), "no edge leaves port '" + port + "' of " + node.id()));
    }

    /** Runs an activity-backed step (or reuses its output), and says which port to leave by. */
    private String step(Node node, String key) {
        String reused = request.reusedOutputsJson().get(key);
        if (reused != null) {
            journal.step(request.runId(), key, node.id(), node.kind(), "REUSED", reused, null);
            putStep(node.id(), "SUCCEEDED", Json.read(reused), null);
            return Node.OUT;
        }
        try {
            JsonNode output = execute(node, key, scope);
            putStep(node.id(), "SUCCEEDED", output, null);
            return Node.OUT;
        } catch (StepFailed failed) {
            NodePolicy policy = node.policy();
            switch (policy.onError()) {
                case CONTINUE -> {
                    putStep(node.id(), "FAILED", NODES.nullNode(), failed.getMessage());
                    return Node.OUT;
                }
                case BRANCH -> {
                    putStep(node.id(), "FAILED", NODES.nullNode(), failed.getMessage());
                    return Node.ERROR;
                }
                case DEFAULT -> {
                    putStep(node.id(), "FAILED", policy.defaultValue(), failed.getMessage());
                    journal.step(
                            request.runId(),
                            key + ":default",
                            node.id(),
                            node.kind(),
                            "SUCCEEDED",
                            Json.write(policy.defaultValue()),
                            "used the default value: " + failed.getMessage());
                    return Node.OUT;
                }
                default -> throw failed;
            }
        }
    }

    /** Runs a step's side effect in {@code at} (the run's scope, or an item's inside a map). */
    private JsonNode execute(Node node, String key, ObjectNode at) {
        try {
            return executeUnchecked(node, key, at);
        } catch (IllegalArgumentException e) {
            throw new StepFailed(node.id(), e.getMessage());
        }
    }

    private JsonNode executeUnchecked(Node node, String key, ObjectNode at) {
        return switch (node) {
            case Node.MapEach map -> map(map, key, at);
            case Node.SubWorkflow sub -> subWorkflow(sub, at);
            case Node.Transform t -> Exprs.render(t.value(), at);
            default -> {
                StepCall call = new StepCall(
                        request.runId(),
                        key,
                        node.id(),
                        node.kind(),
                        Json.write(node),
                        Json.write(inputOf(node, at)),
                        request.orgUnitId(),
                        request.projectId());
                StepResult result = callWaitingForBudget(node, key, call);
                yield Json.read(result.outputJson());
            }
        };
    }

    /** The node's fields with every reference resolved, as the activity needs them. */
    private JsonNode inputOf(Node node, ObjectNode at) {
        ObjectNode input = NODES.objectNode();
        switch (node) {
            case Node.Llm llm -> {
                ArrayNode messages = input.putArray("messages");
                llm.messages()
                        .forEach(m -> messages.add(NODES.objectNode()
                                .put("role", m.role().wire())
                                .set("content", Exprs.render(NODES.stringNode(m.content()), at))));
                ObjectNode variables = input.putObject("variables");
                llm.variables().forEach((name, value) -> variables.set(name, Exprs.render(value, at)));
            }
            case Node.Agent agent -> {
                input.set("system", Exprs.render(NODES.stringNode(agent.system() == null ? "" : agent.system()), at));
                input.set("task", Exprs.render(NODES.stringNode(agent.task()), at));
            }
            case Node.Http http -> input.set("input", Exprs.render(http.input(), at));
            default -> {}
        }
        return input;
    }

    private StepResult callWaitingForBudget(Node node, String key, StepCall call) {
        StepActivities activities = activitiesFor(node);
        while (true) {
            try {
                return switch (node) {
                    case Node.Llm l -> activities.llm(call);
                    case Node.Agent a -> activities.agent(call);
                    default -> activities.connector(call);
                };
            } catch (ActivityFailure failure) {
                if (failure.getCause() instanceof CanceledFailure cancelled && cancellationIsNotAFailure()) {
                    throw cancelled; // the run was cancelled while the step ran: not a step failure
                }
                if (failure.getCause() instanceof ApplicationFailure app
                        && StepActivities.BUDGET_EXHAUSTED.equals(app.getType())) {
                    waitForBudget(key, app.getOriginalMessage());
                    continue;
                }
                throw new StepFailed(node.id(), messageOf(failure));
            }
        }
    }

    /**
     * Version 1 of change {@value #CANCELLED_STEP}: a step cut short by the run's cancellation ends the
     * run as cancelled. Runs recorded before it (no marker in their history) keep failing the step, as
     * they did, so their histories replay unchanged.
     */
    private static boolean cancellationIsNotAFailure() {
        return Workflow.getVersion(CANCELLED_STEP, Workflow.DEFAULT_VERSION, 1) >= 1;
    }

    private void waitForBudget(String key, String why) {
        String before = phase;
        phase = "waiting for budget at " + key + ": " + why;
        journal.runStatus(request.runId(), "WAITING_FOR_BUDGET", null, why, key);
        budgetChanged = false;
        Workflow.await(Duration.ofSeconds(Math.max(1, request.budgetRecheckSeconds())), () -> budgetChanged);
        journal.runStatus(request.runId(), "RUNNING", null, null, null);
        phase = before;
    }

    private JsonNode map(Node.MapEach map, String key, ObjectNode at) {
        JsonNode items = evaluate(map, map.items());
        if (!items.isArray()) {
            throw new StepFailed(
                    map.id(),
                    "items is not a list but " + items.getNodeType().name().toLowerCase());
        }
        List<Promise<JsonNode>> results = new ArrayList<>();
        List<Promise<JsonNode>> running = new ArrayList<>();
        ArrayNode errors = NODES.arrayNode();
        for (int i = 0; i < items.size(); i++) {
            while (running.size() >= map.concurrency()) {
                Promise.anyOf(running).get();
                running.removeIf(Promise::isCompleted);
            }
            ObjectNode itemScope = NODES.objectNode();
            itemScope.setAll(at);
            itemScope.set("item", items.get(i));
            itemScope.put("index", i);
            String itemKey = key + "[" + i + "]";
            int index = i;
            Promise<JsonNode> result = Async.function(() -> {
                try {
                    return execute(map.node(), itemKey, itemScope);
                } catch (StepFailed failed) {
                    if (map.errorMode() == Node.MapErrorMode.FAIL) {
                        throw failed;
                    }
                    errors.add(NODES.objectNode().put("index", index).put("error", failed.getMessage()));
                    return NODES.nullNode();
                }
            });
            results.add(result);
            running.add(result);
        }
        ArrayNode out = NODES.arrayNode();
        for (Promise<JsonNode> r : results) {
            out.add(r.get());
        }
        return NODES.objectNode().<ObjectNode>set("results", out).set("errors", errors);
    }

    private JsonNode subWorkflow(Node.SubWorkflow sub, ObjectNode at) {
        JsonNode resolved = Json.read(activitiesFor(sub).resolveWorkflow(sub.workflow(), sub.version()));
        ObjectNode inputs = NODES.objectNode();
        sub.inputs().forEach((name, value) -> inputs.set(name, Exprs.render(value, at)));
        String childRunId = Workflow.randomUUID().toString();
        int version = resolved.path("version").asInt();
        journal.childRun(childRunId, request.runId(), sub.workflow(), version, Json.write(inputs));
        InterpreterWorkflow child = Workflow.newChildWorkflowStub(
                InterpreterWorkflow.class,
                ChildWorkflowOptions.newBuilder().setWorkflowId(childRunId).build());
        RunOutcome outcome;
        try {
            outcome = child.run(new RunRequest(
                    childRunId,
                    sub.workflow(),
                    version,
                    resolved.path("definition").asString(),
                    Json.write(inputs),
                    request.orgUnitId(),
                    request.projectId(),
                    request.startedBy(),
                    Map.of(),
                    request.budgetRecheckSeconds()));
        } catch (ChildWorkflowFailure failure) {
            if (failure.getCause() instanceof CanceledFailure cancelled && cancellationIsNotAFailure()) {
                throw cancelled;
            }
            throw new StepFailed(sub.id(), "the sub-workflow failed: " + messageOf(failure));
        }
        if (!"SUCCEEDED".equals(outcome.status())) {
            throw new StepFailed(
                    sub.id(), "the sub-workflow " + outcome.status().toLowerCase() + ": " + outcome.error());
        }
        return NODES.objectNode().put("runId", childRunId).set("outputs", Json.read(outcome.outputsJson()));
    }

    private String approval(Node.Approval a, String key) {
        long dueAt = Workflow.currentTimeMillis() + a.timeout().toMillis();
        journal.openApproval(
                request.runId(),
                key,
                a.id(),
                a.title() == null || a.title().isBlank() ? a.id() : a.title(),
                Exprs.render(NODES.stringNode(a.instructions() == null ? "" : a.instructions()), scope)
                        .asString(),
                a.role(),
                a.orgUnit(),
                Json.write(a.fields()),
                dueAt);
        String before = phase;
        phase = "waiting for approval at " + key;
        journal.runStatus(request.runId(), "WAITING_FOR_APPROVAL", null, null, key);
        boolean decided = Workflow.await(a.timeout(), () -> decisions.containsKey(key));
        phase = before;
        journal.runStatus(request.runId(), "RUNNING", null, null, null);
        if (!decided) {
            journal.closeApproval(request.runId(), key, "TIMED_OUT");
            putStep(a.id(), "SUCCEEDED", NODES.objectNode().put("decision", "timeout"), null);
            return "timeout";
        }
        ApprovalDecision d = decisions.get(key);
        ObjectNode output = NODES.objectNode()
                .put("decision", d.approved() ? "approved" : "rejected")
                .put("by", d.decidedBy())
                .put("comment", d.comment() == null ? "" : d.comment());
        output.set("fields", d.fieldsJson() == null ? NODES.objectNode() : Json.read(d.fieldsJson()));
        putStep(a.id(), "SUCCEEDED", output, null);
        return d.approved() ? "approved" : "rejected";
    }

    private JsonNode evaluate(Node node, String expression) {
        try {
            return Exprs.evaluate(expression, scope);
        } catch (IllegalArgumentException e) {
            throw new StepFailed(node.id(), e.getMessage());
        }
    }

    /** Records a control step (in the journal and in scope) and returns {@link Node#OUT}. */
    private String record(Node node, String key, JsonNode output) {
        journal.step(request.runId(), key, node.id(), node.kind(), "SUCCEEDED", Json.write(output), null);
        putStep(node.id(), "SUCCEEDED", output, null);
        return Node.OUT;
    }

    private void putStep(String nodeId, String status, JsonNode output, String error) {
        ObjectNode step = NODES.objectNode().put("status", status);
        step.set("output", output == null ? NODES.nullNode() : output);
        if (error != null) {
            step.put("error", error);
        }
        steps.set(nodeId, step);
    }

    /** {@code summarize} the first time, {@code summarize#2} the second (in a loop), and so on. */
    private String stepKey(String nodeId) {
        int n = executions.merge(nodeId, 1, Integer::sum);
        return n == 1 ? nodeId : nodeId + "#" + n;
    }

    private StepActivities activitiesFor(Node node) {
        return activitiesByNode.computeIfAbsent(node.id(), id -> {
            NodePolicy p = node.policy();
            NodePolicy.Retry r = p.retry();
            return Workflow.newActivityStub(
                    StepActivities.class,
                    ActivityOptions.newBuilder()
                            .setStartToCloseTimeout(p.timeout())
                            .setRetryOptions(RetryOptions.newBuilder()
                                    .setMaximumAttempts(r.maxAttempts())
                                    .setInitialInterval(r.initialInterval())
                                    .setBackoffCoefficient(r.backoffCoefficient())
                                    .setMaximumInterval(r.maxInterval())
                                    .setDoNotRetry(StepActivities.BUDGET_EXHAUSTED, StepActivities.INVALID)
                                    .build())
                            .build());
        });
    }

    private static String messageOf(io.temporal.failure.TemporalFailure failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof ApplicationFailure app ? app.getOriginalMessage() : cause.getMessage();
    }

    /** A step failed for good (its retries used up, or it cannot work): the run takes the node's error path. */
    static final class StepFailed extends RuntimeException {
        final String node;

        StepFailed(String node, String message) {
            super(message, null, false, false);
            this.node = node;
        }
    }
}
