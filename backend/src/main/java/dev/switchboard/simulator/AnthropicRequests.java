package dev.switchboard.simulator;

import dev.switchboard.simulator.ChatRequest.Format;
import dev.switchboard.simulator.ChatRequest.Role;
import dev.switchboard.simulator.ChatRequest.Tool;
import dev.switchboard.simulator.ChatRequest.ToolChoice;
import dev.switchboard.simulator.ChatRequest.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * Reads an Anthropic Messages request into a {@link ChatRequest}, refusing what the Messages API
 * refuses ({@code max_tokens} is required, roles are user/assistant, ...) with its {@code
 * field: problem} messages, and what the provider cannot do.
 */
final class AnthropicRequests {

    private AnthropicRequests() {}

    static ChatRequest parse(JsonNode body, SimulatedProvider provider) {
        String model = body.path("model").asString("");
        if (model.isBlank()) {
            throw SimulatedFailure.invalid("model: Field required");
        }
        JsonNode maxTokens = body.get("max_tokens");
        if (maxTokens == null || maxTokens.isNull()) {
            throw SimulatedFailure.invalid("max_tokens: Field required");
        }
        if (!maxTokens.canConvertToInt() || maxTokens.asInt() < 1) {
            throw SimulatedFailure.invalid("max_tokens: Input should be greater than or equal to 1");
        }
        List<Turn> turns = new ArrayList<>();
        system(body.get("system"), turns);
        messages(body.get("messages"), turns);
        if (turns.stream().anyMatch(t -> t.images() > 0) && !provider.supports(SimulatedCapability.VISION)) {
            throw SimulatedFailure.invalid("This model does not support image input.");
        }
        List<Tool> tools = tools(body.get("tools"), provider);
        return new ChatRequest(
                SimulatedProtocol.ANTHROPIC,
                model,
                turns,
                tools,
                toolChoice(body.get("tool_choice"), tools),
                new Format.Text(),
                OptionalInt.of(maxTokens.asInt()),
                stopSequences(body.get("stop_sequences")),
                1,
                0,
                body.findValue("cache_control") != null);
    }

    private static void system(JsonNode system, List<Turn> turns) {
        if (system == null || system.isNull()) {
            return;
        }
        if (system.isString()) {
            turns.add(new Turn(Role.SYSTEM, system.asString(), 0));
            return;
        }
        StringBuilder text = new StringBuilder();
        system.forEach(block -> text.append(block.path("text").asString("")));
        turns.add(new Turn(Role.SYSTEM, text.toString(), 0));
    }

    private static void messages(JsonNode messages, List<Turn> turns) {
        if (messages == null || messages.isNull()) {
            throw SimulatedFailure.invalid("messages: Field required");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw SimulatedFailure.invalid("messages: at least one message is required");
        }
        for (int i = 0; i < messages.size(); i++) {
            turns.add(turn(messages.get(i), i));
        }
    }

    private static Turn turn(JsonNode message, int index) {
        Role role = switch (message.path("role").asString("")) {
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            default ->
                throw SimulatedFailure.invalid("messages." + index + ".role: Input should be 'user' or 'assistant'");
        };
        JsonNode content = message.get("content");
        if (content != null && content.isString()) {
            return new Turn(role, content.asString(), 0);
        }
        if (content == null || !content.isArray()) {
            throw SimulatedFailure.invalid("messages." + index + ".content: Field required");
        }
        StringBuilder text = new StringBuilder();
        int images = 0;
        boolean toolResult = false;
        for (JsonNode block : content) {
            switch (block.path("type").asString("")) {
                case "text" -> text.append(block.path("text").asString(""));
                case "image" -> images++;
                case "document" -> text.append(" [document]");
                case "tool_use" ->
                    text.append(" [called ")
                            .append(block.path("name").asString(""))
                            .append(' ')
                            .append(block.path("input"))
                            .append(']');
                case "tool_result" -> {
                    toolResult = true;
                    text.append(resultText(block.path("content")));
                }
                case "thinking", "redacted_thinking" -> {
                    // earlier reasoning carried along; not part of what is answered
                }
                default ->
                    throw SimulatedFailure.invalid("messages." + index + ".content: unknown block type '"
                            + block.path("type").asString("") + "'");
            }
        }
        return new Turn(toolResult ? Role.TOOL : role, text.toString(), images);
    }

    private static String resultText(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asString("")));
        return text.toString();
    }

    private static List<Tool> tools(JsonNode tools, SimulatedProvider provider) {
        if (tools == null || tools.isNull() || tools.isArray() && tools.isEmpty()) {
            return List.of();
        }
        if (!provider.supports(SimulatedCapability.TOOLS)) {
            throw SimulatedFailure.invalid("tools: this model does not support tool use");
        }
        List<Tool> parsed = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            if (!tool.has("input_schema")) {
                // a server tool (web search, ...): executed upstream, never returned as tool_use here
                continue;
            }
            String name = tool.path("name").asString("");
            if (name.isBlank()) {
                throw SimulatedFailure.invalid("tools." + i + ".name: Field required");
            }
            parsed.add(new Tool(name, tool.path("description").asString(""), tool.get("input_schema")));
        }
        return parsed;
    }

    private static ToolChoice toolChoice(JsonNode choice, List<Tool> tools) {
        if (choice == null || choice.isNull()) {
            return tools.isEmpty() ? new ToolChoice.None() : new ToolChoice.Auto();
        }
        return switch (choice.path("type").asString("")) {
            case "auto" -> new ToolChoice.Auto();
            case "any" -> new ToolChoice.Required();
            case "none" -> new ToolChoice.None();
            case "tool" -> {
                String name = choice.path("name").asString("");
                if (tools.stream().noneMatch(t -> t.name().equals(name))) {
                    throw SimulatedFailure.invalid("tool_choice: tool '" + name + "' is not in tools");
                }
                yield new ToolChoice.Named(name);
            }
            default ->
                throw SimulatedFailure.invalid("tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'");
        };
    }

    private static List<String> stopSequences(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        List<String> sequences = new ArrayList<>();
        stop.forEach(s -> sequences.add(s.asString("")));
        return sequences;
    }
}
