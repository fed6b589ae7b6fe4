package dev.switchboard.simulator;

import java.util.List;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * A chat request in protocol-neutral form, parsed from either wire format.
 *
 * @param protocol the wire format it came in (shapes a few protocol habits of the reply)
 * @param model the model id as requested; echoed back
 * @param turns system prompt and conversation, in order
 * @param tools the tools offered
 * @param toolChoice whether and which tool must be called
 * @param format plain text or JSON
 * @param maxTokens the cap on generated tokens per choice, if any
 * @param stop stop sequences
 * @param n number of choices
 * @param requestSeed the request's own {@code seed}, part of what the output depends on
 * @param explicitCaching the request marks cache breakpoints (Anthropic {@code cache_control})
 */
record ChatRequest(
        SimulatedProtocol protocol,
        String model,
        List<Turn> turns,
        List<Tool> tools,
        ToolChoice toolChoice,
        Format format,
        OptionalInt maxTokens,
        List<String> stop,
        int n,
        long requestSeed,
        boolean explicitCaching) {

    ChatRequest {
        turns = List.copyOf(turns);
        tools = List.copyOf(tools);
        stop = List.copyOf(stop);
    }

    enum Role {
        SYSTEM,
        USER,
        ASSISTANT,
        TOOL
    }

    /** One message: its text (tool calls and results rendered as text) and how many images it holds. */
    record Turn(Role role, String text, int images) {}

    /** A tool on offer; {@code parameters} is its JSON schema. */
    record Tool(String name, String description, JsonNode parameters) {}

    sealed interface ToolChoice {
        record Auto() implements ToolChoice {}

        record None() implements ToolChoice {}

        record Required() implements ToolChoice {}

        record Named(String name) implements ToolChoice {}
    }

    sealed interface Format {
        record Text() implements Format {}

        record JsonObject() implements Format {}

        record JsonSchema(JsonNode schema) implements Format {}
    }

    int images() {
        return turns.stream().mapToInt(Turn::images).sum();
    }

    /** The text of the last user turn (empty if none). */
    String lastUserText() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role() == Role.USER) {
                return turns.get(i).text();
            }
        }
        return "";
    }

    /** Whether the conversation ends with a tool result, i.e. the model is asked to use it. */
    boolean endsWithToolResult() {
        return !turns.isEmpty() && turns.getLast().role() == Role.TOOL;
    }

    /** The prompt as one string: what prompt caching compares and the generated text depends on. */
    String canonicalPrompt() {
        StringBuilder prompt = new StringBuilder();
        for (Tool tool : tools) {
            prompt.append("tool ")
                    .append(tool.name())
                    .append(": ")
                    .append(tool.description())
                    .append(' ')
                    .append(tool.parameters())
                    .append('\n');
        }
        for (Turn turn : turns) {
            prompt.append(turn.role().name().toLowerCase(java.util.Locale.ROOT))
                    .append(": ")
                    .append(turn.text());
            prompt.append(" [image]".repeat(turn.images())).append('\n');
        }
        return prompt.toString();
    }
}
