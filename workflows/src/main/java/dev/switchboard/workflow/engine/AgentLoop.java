package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.Node;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An agent step: the model answers or asks for tools (connector actions), the tools run and their
 * results go back, for at most {@code maxIterations} model turns and no further once the step's cost
 * cap is spent: a turn is only taken when a model's worst case fits in what is left of it. Each turn is a model call under its own stable request id, so a retried step charges
 * every turn once.
 */
final class AgentLoop {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StepActivitiesImpl steps;
    private final ConnectorSteps connectors;
    private final WorkflowTools workflows;
    private final StepCall call;

    AgentLoop(StepActivitiesImpl steps, ConnectorSteps connectors, WorkflowTools workflows, StepCall call) {
        this.steps = steps;
        this.connectors = connectors;
        this.workflows = workflows;
        this.call = call;
    }

    StepResult run() {
        Node.Agent node = (Node.Agent) Json.read(call.nodeJson(), Node.class);
        JsonNode input = Json.read(call.inputJson());
        ArrayNode messages = NODES.arrayNode();
        String system = input.path("system").asString("");
        if (!system.isBlank()) {
            messages.addObject().put("role", "system").put("content", system);
        }
        messages.addObject()
                .put("role", "user")
                .put("content", input.path("task").asString(""));
        ArrayNode tools = toolsOf(node);
        Long cap = node.policy().costCapMicros();
        long inputTokens = 0;
        long outputTokens = 0;
        long spent = 0;
        String currency = null;
        String text = "";
        ArrayNode toolCalls = NODES.arrayNode();
        String stoppedBy = "max iterations";
        int turn = 0;
        while (turn < node.maxIterations()) {
            turn++;
            ObjectNode body = NODES.objectNode().put("model", node.settings().model());
            body.set("messages", messages.deepCopy());
            if (!tools.isEmpty()) {
                body.set("tools", tools);
            }
            if (node.settings().temperature() != null) {
                body.put("temperature", node.settings().temperature());
            }
            if (node.settings().maxTokens() != null) {
                body.put("max_tokens", node.settings().maxTokens());
            }
            String requestId = StepActivitiesImpl.requestId(call.idempotencyKey() + "/turn" + turn);
            StepResult result;
            if (cap == null || turn == 1) {
                result = steps.chat(call, body, requestId, cap); // a first turn over the cap fails the step
            } else {
                Optional<StepResult> within = steps.chatWithinCap(call, body, requestId, cap - spent);
                if (within.isEmpty()) { // no model could answer this turn within what is left of the cap
                    turn--;
                    stoppedBy = "cost cap";
                    break;
                }
                result = within.get();
            }
            inputTokens += result.inputTokens();
            outputTokens += result.outputTokens();
            spent += result.costMicros();
            currency = result.currency();
            JsonNode message = Json.read(result.outputJson()).path("message");
            text = message.path("content").asString("");
            JsonNode requested = message.path("tool_calls");
            if (!requested.isArray() || requested.isEmpty()) {
                stoppedBy = "answer";
                break;
            }
            messages.add(message);
            for (JsonNode toolCall : requested) {
                JsonNode answer = runTool(node, toolCall, turn);
                toolCalls.add(NODES.objectNode()
                        .put("turn", turn)
                        .put("tool", toolCall.path("function").path("name").asString())
                        .put(
                                "arguments",
                                toolCall.path("function").path("arguments").asString("{}"))
                        .set("result", answer));
                messages.addObject()
                        .put("role", "tool")
                        .put("tool_call_id", toolCall.path("id").asString(""))
                        .put("content", answer.toString());
            }
            if (cap != null && spent >= cap) {
                stoppedBy = "cost cap";
                break;
            }
        }
        ObjectNode output = NODES.objectNode()
                .put("text", text)
                .put("iterations", turn)
                .put("stoppedBy", stoppedBy)
                .put("costMicros", spent);
        output.set("toolCalls", toolCalls);
        return new StepResult(Json.write(output), inputTokens, outputTokens, spent, currency);
    }

    /** Runs one tool call; a failing tool answers with its error, which the model may work around. */
    private JsonNode runTool(Node.Agent node, JsonNode toolCall, int turn) {
        String name = toolCall.path("function").path("name").asString("");
        Node.AgentTool tool = node.tools().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElse(null);
        if (tool == null) {
            return NODES.objectNode().put("error", "there is no tool '" + name + "'");
        }
        ObjectNode arguments = NODES.objectNode();
        try {
            JsonNode given =
                    Json.read(toolCall.path("function").path("arguments").asString("{}"));
            if (given.isObject()) {
                arguments.setAll((ObjectNode) given);
            }
            if (tool.fixed() != null && tool.fixed().isObject()) {
                arguments.setAll((ObjectNode) tool.fixed()); // the designer's fields win over the model's
            }
            String key = call.idempotencyKey() + "/turn" + turn + "/"
                    + toolCall.path("id").asString(name);
            if (tool.workflow() != null) {
                return workflows.call(
                        tool.workflow(),
                        arguments,
                        call.runId(),
                        key,
                        node.policy().timeout());
            }
            return connectors.invoke(
                    tool.connector(),
                    tool.action(),
                    arguments,
                    key,
                    node.policy().timeout());
        } catch (RuntimeException e) {
            return NODES.objectNode().put("error", String.valueOf(e.getMessage()));
        }
    }

    private ArrayNode toolsOf(Node.Agent node) {
        ArrayNode tools = NODES.arrayNode();
        for (Node.AgentTool tool : node.tools()) {
            ObjectNode function = tools.addObject().put("type", "function").putObject("function");
            function.put("name", tool.name());
            function.put("description", tool.description() == null ? tool.name() : tool.description());
            function.set("parameters", parametersOf(tool));
        }
        return tools;
    }

    /** What the model fills in: the designer's schema, else the input schema without the fixed fields. */
    private JsonNode parametersOf(Node.AgentTool tool) {
        if (tool.parameters() != null && tool.parameters().isObject()) {
            return tool.parameters();
        }
        JsonNode schema = tool.workflow() != null
                ? workflows.inputSchema(tool.workflow())
                : connectors.inputSchema(tool.connector(), tool.action());
        ObjectNode open = schema.isObject()
                ? (ObjectNode) schema.deepCopy()
                : NODES.objectNode().put("type", "object");
        if (tool.fixed() != null && tool.fixed().isObject()) {
            for (String fixed : tool.fixed().propertyNames()) {
                if (open.path("properties").isObject()) {
                    ((ObjectNode) open.get("properties")).remove(fixed);
                }
                if (open.path("required").isArray()) {
                    ArrayNode left = NODES.arrayNode();
                    open.get("required").forEach(r -> {
                        if (!r.asString().equals(fixed)) {
                            left.add(r);
                        }
                    });
                    open.set("required", left);
                }
            }
        }
        return open;
    }
}
