package dev.switchboard.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.switchboard.prompts.ModelSettings;
import dev.switchboard.prompts.PromptMessage;
import dev.switchboard.prompts.Variable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One step of a workflow graph. Every node has a stable {@code id} (edges, references such as
 * {@code {{steps.summarize.output.text}}} and run traces use it) and a {@code kind}; string fields
 * marked "template" may hold {@code {{ expression }}} references, evaluated when the node runs.
 * Control nodes (condition, switch, loop, parallel, join) run as workflow code; the others are
 * activities with the node's {@link NodePolicy}. Nothing in a node is code that runs: expressions are
 * the sandboxed language of {@code dev.switchboard.workflow.expr}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Node.Start.class, name = "start"),
    @JsonSubTypes.Type(value = Node.Llm.class, name = "llm"),
    @JsonSubTypes.Type(value = Node.Agent.class, name = "agent"),
    @JsonSubTypes.Type(value = Node.Condition.class, name = "condition"),
    @JsonSubTypes.Type(value = Node.Switch.class, name = "switch"),
    @JsonSubTypes.Type(value = Node.Loop.class, name = "loop"),
    @JsonSubTypes.Type(value = Node.MapEach.class, name = "map"),
    @JsonSubTypes.Type(value = Node.Parallel.class, name = "parallel"),
    @JsonSubTypes.Type(value = Node.Join.class, name = "join"),
    @JsonSubTypes.Type(value = Node.Approval.class, name = "approval"),
    @JsonSubTypes.Type(value = Node.Http.class, name = "http"),
    @JsonSubTypes.Type(value = Node.Transform.class, name = "transform"),
    @JsonSubTypes.Type(value = Node.Wait.class, name = "wait"),
    @JsonSubTypes.Type(value = Node.SubWorkflow.class, name = "sub_workflow"),
    @JsonSubTypes.Type(value = Node.End.class, name = "end")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Node {

    /** The port an edge leaves from when it names none. */
    String OUT = "out";

    /** The port a failed step leaves by when its policy says {@code onError: branch}. */
    String ERROR = "error";

    String id();

    /** What the designer calls the step; the id when empty. */
    String title();

    /** The ports edges may leave this node from; {@link #ERROR} is added for {@code onError: branch}. */
    default List<String> ports() {
        return List.of(OUT);
    }

    /** Timeouts, retries and error handling; control nodes have none. */
    default NodePolicy policy() {
        return NodePolicy.DEFAULT;
    }

    /** Whether reaching the node runs an activity or child workflow (and so may fail, retry or cost). */
    @JsonIgnore
    default boolean isStep() {
        return false;
    }

    /** The kind as the JSON spells it. */
    default String kind() {
        JsonSubTypes.Type[] types = Node.class.getAnnotation(JsonSubTypes.class).value();
        for (JsonSubTypes.Type t : types) {
            if (t.value() == getClass()) {
                return t.name();
            }
        }
        throw new IllegalStateException("unregistered node kind " + getClass());
    }

    /** Where a run begins; exactly one per workflow. Its output is the run's inputs. */
    record Start(String id, String title) implements Node {}

    /**
     * A model call through the router. Either {@code prompt} (a published prompt template, rendered
     * with {@code variables}) or inline {@code messages} whose contents are templates.
     *
     * @param prompt the template's key and version ({@code null} version: the newest published)
     * @param variables template values by variable name; each value may be a template
     */
    record Llm(
            String id,
            String title,
            NodePolicy policy,
            PromptRef prompt,
            Map<String, JsonNode> variables,
            List<PromptMessage> messages,
            ModelSettings settings)
            implements Node {
        public Llm {
            variables = variables == null ? Map.of() : Map.copyOf(variables);
            messages = messages == null ? List.of() : List.copyOf(messages);
            settings = settings == null ? ModelSettings.DEFAULT : settings;
            policy = policy == null ? NodePolicy.DEFAULT : policy;
        }

        @Override
        @JsonIgnore
        public boolean isStep() {
            return true;
        }
    }

    /** A published prompt template by key; {@code version} null means the newest published one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PromptRef(String key, Integer version) {}

    /**
     * A model that may call tools in a bounded loop: connector actions and sub-workflows.
     *
     * @param task the user message (a template)
     * @param maxIterations model turns at most (each turn may call tools)
     */
    record Agent(
            String id,
            String title,
            NodePolicy policy,
            String system,
            String task,
            ModelSettings settings,
            List<AgentTool> tools,
            Integer maxIterations)
            implements Node {
        public Agent {
            tools = tools == null ? List.of() : List.copyOf(tools);
            settings = settings == null ? ModelSettings.DEFAULT : settings;
            maxIterations = maxIterations == null ? 5 : maxIterations;
            policy = policy == null ? NodePolicy.DEFAULT : policy;
        }

        @Override
        @JsonIgnore
        public boolean isStep() {
            return true;
        }
    }

    /**
     * A tool an agent may call: a connector action ({@code connector} + {@code action}) or a published
     * workflow ({@code workflow}). {@code name} is what the model sees.
     *
     * @param fixed input fields the designer fixes (a URL, a method): the model never sees or changes them
     * @param parameters the JSON Schema of what the model fills in; {@code null} for the action's (or
     *     the workflow's) input schema without the fixed fields
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentTool(
            String name,
            String description,
            String connector,
            String action,
            String workflow,
            JsonNode fixed,
            JsonNode parameters) {}

    /** Goes out of port {@code true} or {@code false} by a boolean expression. */
    record Condition(String id, String title, String expression) implements Node {
        @Override
        public List<String> ports() {
            return List.of("true", "false");
        }
    }

    /** Goes out of the port named like the expression's value, else {@code default}. */
    record Switch(String id, String title, String expression, List<String> cases) implements Node {
        public Switch {
            cases = cases == null ? List.of() : List.copyOf(cases);
        }

        @Override
        public List<String> ports() {
            return java.util.stream.Stream.concat(cases.stream(), java.util.stream.Stream.of("default"))
                    .toList();
        }
    }

    /**
     * Repeats its {@code body} branch while {@code expression} holds, at most {@code maxIterations}
     * times, then leaves by {@code done}. The only place a graph may have a cycle: the body's last edge
     * comes back here.
     */
    record Loop(String id, String title, String expression, Integer maxIterations) implements Node {
        public Loop {
            maxIterations = maxIterations == null ? 10 : maxIterations;
        }

        @Override
        public List<String> ports() {
            return List.of("body", "done");
        }
    }

    /**
     * Runs {@code node} once per element of the list {@code items} evaluates to, with {@code item} and
     * {@code index} in scope, at most {@code concurrency} at a time. Output: {@code {results: [...],
     * errors: [...]}} in list order.
     */
    record MapEach(
            String id,
            String title,
            NodePolicy policy,
            String items,
            Node node,
            Integer concurrency,
            MapErrorMode errorMode)
            implements Node {
        public MapEach {
            concurrency = concurrency == null ? 4 : concurrency;
            errorMode = errorMode == null ? MapErrorMode.FAIL : errorMode;
            policy = policy == null ? NodePolicy.DEFAULT : policy;
        }

        @Override
        @JsonIgnore
        public boolean isStep() {
            return true;
        }
    }

    /** What a map does when an item fails: fail the step, or keep going and report the item's error. */
    enum MapErrorMode {
        @com.fasterxml.jackson.annotation.JsonProperty("fail")
        FAIL,
        @com.fasterxml.jackson.annotation.JsonProperty("continue")
        CONTINUE
    }

    /** Starts every outgoing branch at once; they meet again at a {@link Join}. */
    record Parallel(String id, String title) implements Node {}

    /** Waits for every branch that reaches it, then goes on once. Output: the branches' last outputs. */
    record Join(String id, String title) implements Node {}

    /**
     * Waits for a person's decision: {@code approved}, {@code rejected}, or {@code timeout} when nobody
     * decides in time. Output: the decision, who made it, and the form's fields.
     *
     * @param role the role that may decide ({@code OPERATOR}), or
     * @param orgUnit the org unit (by slug) whose members may decide
     * @param fields what the approver fills in
     */
    record Approval(
            String id,
            String title,
            String instructions,
            String role,
            String orgUnit,
            List<Variable> fields,
            Duration timeout)
            implements Node {
        public Approval {
            fields = fields == null ? List.of() : List.copyOf(fields);
            timeout = timeout == null ? Duration.ofDays(7) : timeout;
        }

        @Override
        public List<String> ports() {
            return List.of("approved", "rejected", "timeout");
        }
    }

    /**
     * A connector action; by default the generic HTTP connector's {@code request}. {@code input} is any
     * JSON whose strings may be templates.
     */
    record Http(String id, String title, NodePolicy policy, String connector, String action, JsonNode input)
            implements Node {
        public Http {
            connector = connector == null || connector.isBlank() ? "http" : connector;
            action = action == null || action.isBlank() ? "request" : action;
            policy = policy == null ? NodePolicy.DEFAULT : policy;
        }

        @Override
        @JsonIgnore
        public boolean isStep() {
            return true;
        }
    }

    /** Builds a value from a JSON shape whose strings are templates; no model, no cost. */
    record Transform(String id, String title, JsonNode value) implements Node {}

    /** Waits a while on a durable timer. */
    record Wait(String id, String title, Duration duration) implements Node {}

    /**
     * Runs another published workflow as a child run and takes its outputs.
     *
     * @param workflow the child's key; {@code version} null means its newest published version
     */
    record SubWorkflow(
            String id, String title, NodePolicy policy, String workflow, Integer version, Map<String, JsonNode> inputs)
            implements Node {
        public SubWorkflow {
            inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
            policy = policy == null ? NodePolicy.DEFAULT : policy;
        }

        @Override
        @JsonIgnore
        public boolean isStep() {
            return true;
        }
    }

    /** Ends the run (or its branch) with named outputs, each a template. */
    record End(String id, String title, Map<String, JsonNode> outputs) implements Node {
        public End {
            outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
        }

        @Override
        public List<String> ports() {
            return List.of();
        }
    }
}
