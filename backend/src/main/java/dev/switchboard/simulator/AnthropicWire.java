package dev.switchboard.simulator;

import dev.switchboard.simulator.Completion.Choice;
import dev.switchboard.simulator.Completion.Finish;
import dev.switchboard.simulator.Completion.ToolCall;
import dev.switchboard.simulator.Completion.Usage;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Completion} in the Anthropic Messages wire format: the {@code message} object, or the
 * event stream {@code message_start}, per content block {@code content_block_start} / {@code
 * content_block_delta} ({@code text_delta} or {@code input_json_delta}) / {@code content_block_stop},
 * a {@code ping} after the first block starts, then {@code message_delta} (stop reason, cumulative
 * usage) and {@code message_stop}. As at Anthropic, {@code input_tokens} excludes the tokens read
 * from or written to the prompt cache.
 */
final class AnthropicWire {

    private final JsonMapper json;
    private final String id;
    private final String model;

    AnthropicWire(JsonMapper json, String id, String model) {
        this.json = json;
        this.id = id;
        this.model = model;
    }

    byte[] message(Completion completion) {
        Choice choice = completion.choices().getFirst();
        ObjectNode message = header();
        var content = message.putArray("content");
        if (!choice.pieces().isEmpty() || choice.toolCall().isEmpty()) {
            content.addObject().put("type", "text").put("text", choice.text());
        }
        choice.toolCall().ifPresent(call -> {
            ObjectNode block = content.addObject().put("type", "tool_use").put("id", call.id());
            block.put("name", call.name());
            block.set("input", input(call));
        });
        stop(message, choice);
        message.set("usage", usage(completion.usage(), completion.usage().completionTokens()));
        return json.writeValueAsBytes(message);
    }

    List<SseEvent> events(Completion completion) {
        Choice choice = completion.choices().getFirst();
        List<SseEvent> events = new ArrayList<>();
        ObjectNode start = header();
        start.putArray("content");
        start.putNull("stop_reason").putNull("stop_sequence");
        start.set("usage", usage(completion.usage(), 1));
        events.add(event(
                "message_start",
                json.createObjectNode().put("type", "message_start").set("message", start),
                false));
        int index = 0;
        if (!choice.pieces().isEmpty() || choice.toolCall().isEmpty()) {
            ObjectNode block = json.createObjectNode().put("type", "text").put("text", "");
            events.add(blockStart(index, block, false));
            events.add(event("ping", json.createObjectNode().put("type", "ping"), false));
            for (String piece : choice.pieces()) {
                events.add(delta(
                        index, json.createObjectNode().put("type", "text_delta").put("text", piece), true));
            }
            events.add(blockStop(index++));
        }
        if (choice.toolCall().isPresent()) {
            ToolCall call = choice.toolCall().get();
            ObjectNode block = json.createObjectNode().put("type", "tool_use").put("id", call.id());
            block.put("name", call.name()).putObject("input");
            events.add(blockStart(index, block, true));
            if (index == 0) {
                events.add(event("ping", json.createObjectNode().put("type", "ping"), false));
            }
            events.add(delta(index, inputDelta(""), false));
            for (String piece : call.argumentPieces()) {
                events.add(delta(index, inputDelta(piece), true));
            }
            events.add(blockStop(index));
        }
        ObjectNode messageDelta = json.createObjectNode().put("type", "message_delta");
        stop(messageDelta.putObject("delta"), choice);
        messageDelta.set("usage", usage(completion.usage(), completion.usage().completionTokens()));
        events.add(event("message_delta", messageDelta, false));
        events.add(event("message_stop", json.createObjectNode().put("type", "message_stop"), false));
        return events;
    }

    private ObjectNode header() {
        return json.createObjectNode()
                .put("id", id)
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
    }

    private static void stop(ObjectNode target, Choice choice) {
        target.put("stop_reason", stopReason(choice.finish()));
        if (choice.stopSequence() == null) {
            target.putNull("stop_sequence");
        } else {
            target.put("stop_sequence", choice.stopSequence());
        }
    }

    private ObjectNode usage(Usage usage, int outputTokens) {
        return json.createObjectNode()
                .put("input_tokens", usage.promptTokens() - usage.cachedTokens() - usage.cacheWriteTokens())
                .put("cache_creation_input_tokens", usage.cacheWriteTokens())
                .put("cache_read_input_tokens", usage.cachedTokens())
                .put("output_tokens", outputTokens)
                .put("service_tier", "standard");
    }

    private JsonNode input(ToolCall call) {
        try {
            return json.readTree(call.arguments());
        } catch (JacksonException cutByMaxTokens) {
            return json.createObjectNode();
        }
    }

    private ObjectNode inputDelta(String partialJson) {
        return json.createObjectNode().put("type", "input_json_delta").put("partial_json", partialJson);
    }

    private SseEvent blockStart(int index, ObjectNode block, boolean token) {
        ObjectNode data =
                json.createObjectNode().put("type", "content_block_start").put("index", index);
        data.set("content_block", block);
        return event("content_block_start", data, token);
    }

    private SseEvent delta(int index, ObjectNode delta, boolean token) {
        ObjectNode data =
                json.createObjectNode().put("type", "content_block_delta").put("index", index);
        data.set("delta", delta);
        return event("content_block_delta", data, token);
    }

    private SseEvent blockStop(int index) {
        return event(
                "content_block_stop",
                json.createObjectNode().put("type", "content_block_stop").put("index", index),
                false);
    }

    private SseEvent event(String name, JsonNode data, boolean token) {
        return SseEvent.named(name, json.writeValueAsString(data), token);
    }

    static String stopReason(Finish finish) {
        return switch (finish) {
            case END -> "end_turn";
            case LENGTH -> "max_tokens";
            case STOP_SEQUENCE -> "stop_sequence";
            case TOOL_CALL -> "tool_use";
        };
    }
}
