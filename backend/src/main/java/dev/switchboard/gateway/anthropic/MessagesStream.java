package dev.switchboard.gateway.anthropic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Re-tells a stream of OpenAI {@code chat.completion.chunk}s as Anthropic Messages stream events:
 * {@code message_start}, one {@code content_block_start}/{@code _delta}/{@code _stop} run per text or
 * tool-use block, then {@code message_delta} (stop reason, usage) and {@code message_stop}. One
 * instance per response; not thread-safe (a stream is written by one thread).
 */
public final class MessagesStream {

    /** One server-sent event to write: {@code event: name} and {@code data: json}. */
    public record Event(String name, ObjectNode data) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String messageId;
    private final String model;
    private final long estimatedInputTokens;
    private boolean started;
    private int nextIndex;
    private Integer openIndex;
    private String openKind;
    private final Map<Integer, Integer> toolBlockByOpenAiIndex = new HashMap<>();
    private String finishReason = "stop";

    public MessagesStream(String messageId, String model, long estimatedInputTokens) {
        this.messageId = messageId;
        this.model = model;
        this.estimatedInputTokens = estimatedInputTokens;
    }

    /** The events one OpenAI chunk turns into (possibly none). */
    public List<Event> onChunk(JsonNode chunk) {
        List<Event> events = new ArrayList<>();
        start(events);
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        String text = delta.path("content").asString("");
        if (!text.isEmpty()) {
            if (!"text".equals(openKind)) {
                open(events, "text", NODES.objectNode().put("type", "text").put("text", ""));
            }
            events.add(delta(NODES.objectNode().put("type", "text_delta").put("text", text)));
        }
        for (JsonNode call : delta.path("tool_calls")) {
            int openAiIndex = call.path("index").asInt(0);
            if (!toolBlockByOpenAiIndex.containsKey(openAiIndex)) {
                ObjectNode block = NODES.objectNode()
                        .put("type", "tool_use")
                        .put("id", call.path("id").asString(""))
                        .put("name", call.path("function").path("name").asString(""));
                block.putObject("input");
                open(events, "tool_use", block);
                toolBlockByOpenAiIndex.put(openAiIndex, openIndex);
            }
            String arguments = call.path("function").path("arguments").asString("");
            if (!arguments.isEmpty()) {
                events.add(
                        delta(NODES.objectNode().put("type", "input_json_delta").put("partial_json", arguments)));
            }
        }
        String finish = choice.path("finish_reason").asString("");
        if (!finish.isEmpty()) {
            finishReason = finish;
        }
        return events;
    }

    /** The closing events, with the final usage (OpenAI shape: prompt, completion, cached tokens). */
    public List<Event> finish(JsonNode openAiUsage) {
        List<Event> events = new ArrayList<>();
        start(events);
        close(events);
        ObjectNode messageDelta = NODES.objectNode().put("type", "message_delta");
        messageDelta
                .putObject("delta")
                .put("stop_reason", MessagesResponses.stopReason(finishReason))
                .putNull("stop_sequence");
        messageDelta.set("usage", MessagesResponses.usage(openAiUsage));
        events.add(new Event("message_delta", messageDelta));
        events.add(new Event("message_stop", NODES.objectNode().put("type", "message_stop")));
        return events;
    }

    private void start(List<Event> events) {
        if (started) {
            return;
        }
        started = true;
        ObjectNode data = NODES.objectNode().put("type", "message_start");
        ObjectNode message = data.putObject("message")
                .put("id", messageId)
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", estimatedInputTokens).put("output_tokens", 0);
        events.add(new Event("message_start", data));
    }

    private void open(List<Event> events, String kind, ObjectNode block) {
        close(events);
        openIndex = nextIndex++;
        openKind = kind;
        ObjectNode data = NODES.objectNode().put("type", "content_block_start").put("index", openIndex);
        data.set("content_block", block);
        events.add(new Event("content_block_start", data));
    }

    private void close(List<Event> events) {
        if (openIndex != null) {
            events.add(new Event(
                    "content_block_stop",
                    NODES.objectNode().put("type", "content_block_stop").put("index", openIndex)));
            openIndex = null;
            openKind = null;
        }
    }

    private Event delta(ObjectNode delta) {
        ObjectNode data = NODES.objectNode().put("type", "content_block_delta").put("index", openIndex);
        data.set("delta", delta);
        return new Event("content_block_delta", data);
    }
}
