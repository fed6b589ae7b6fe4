package dev.switchboard.gateway.upstream;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's stream events (https://docs.anthropic.com/en/docs/build-with-claude/streaming) → OpenAI chunks:
 * {@code message_start} opens (id, model, input usage), {@code content_block_start}/{@code _delta} carry text,
 * thinking and tool calls, {@code message_delta} the stop reason and cumulative usage, {@code message_stop}
 * ends; {@code ping} and unknown events are ignored, {@code error} fails the call.
 */
final class AnthropicStreamTranslator implements StreamTranslator {

    private final JsonMapper json;
    private final OpenAiShape shape;
    private final UpstreamErrors errors;
    private final UpstreamTarget target;
    private final long created;
    private final boolean jsonMode;
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    private final Set<Integer> jsonBlocks = new HashSet<>();
    private final ObjectNode usage;
    private String id = "";
    private String model = "";
    private boolean started;
    private boolean roleSent;

    AnthropicStreamTranslator(
            JsonMapper json, UpstreamErrors errors, UpstreamTarget target, long created, boolean jsonMode) {
        this.json = json;
        this.shape = new OpenAiShape(json);
        this.errors = errors;
        this.target = target;
        this.created = created;
        this.jsonMode = jsonMode;
        this.usage = json.createObjectNode();
    }

    @Override
    public boolean onEvent(SseEvent event, ChunkSink sink) {
        JsonNode data = json.readTree(event.data());
        String type = event.event() != null ? event.event() : data.path("type").asString("");
        switch (type) {
            case "message_start" -> {
                started = true;
                JsonNode message = data.path("message");
                id = message.path("id").asString("");
                model = message.path("model").asString(target.upstreamModel());
                mergeUsage(message.path("usage"));
            }
            case "content_block_start" -> blockStart(data.path("index").asInt(), data.path("content_block"), sink);
            case "content_block_delta" -> blockDelta(data.path("index").asInt(), data.path("delta"), sink);
            case "message_delta" -> {
                mergeUsage(data.path("usage"));
                String stop = data.path("delta").path("stop_reason").asString("");
                if (!stop.isEmpty()) {
                    sink.deliver(chunk(json.createObjectNode(), AnthropicResponses.finishReason(stop, jsonMode)));
                }
            }
            case "message_stop" -> {
                return true;
            }
            case "error" -> {
                JsonNode error = data.path("error");
                String errorType = error.path("type").asString("api_error");
                throw errors.forStreamError(
                        target,
                        AnthropicResponses.statusOf(errorType),
                        errorType + ": " + error.path("message").asString(""),
                        sink.delivered(),
                        usage());
            }
            default -> {
                // ping, content_block_stop, and event types added later
            }
        }
        return false;
    }

    private void blockStart(int index, JsonNode block, ChunkSink sink) {
        switch (block.path("type").asString("")) {
            case "text" -> {
                String text = block.path("text").asString("");
                if (!text.isEmpty()) {
                    sink.deliver(chunk(json.createObjectNode().put("content", text), null));
                }
            }
            case "tool_use" -> {
                String name = block.path("name").asString("");
                if (jsonMode && AnthropicRequestTranslator.JSON_TOOL.equals(name)) {
                    jsonBlocks.add(index);
                    return;
                }
                int toolIndex = toolIndexByBlock.size();
                toolIndexByBlock.put(index, toolIndex);
                ObjectNode call = json.createObjectNode();
                call.put("index", toolIndex);
                call.put("id", block.path("id").asString(""));
                call.put("type", "function");
                call.putObject("function").put("name", name).put("arguments", "");
                ObjectNode delta = json.createObjectNode();
                delta.putArray("tool_calls").add(call);
                sink.deliver(chunk(delta, null));
            }
            default -> {
                // thinking arrives in deltas; redacted and server blocks have nothing to show
            }
        }
    }

    private void blockDelta(int index, JsonNode delta, ChunkSink sink) {
        switch (delta.path("type").asString("")) {
            case "text_delta" ->
                sink.deliver(chunk(
                        json.createObjectNode()
                                .put("content", delta.path("text").asString("")),
                        null));
            case "thinking_delta" ->
                sink.deliver(chunk(
                        json.createObjectNode()
                                .put("reasoning_content", delta.path("thinking").asString("")),
                        null));
            case "input_json_delta" -> {
                String partial = delta.path("partial_json").asString("");
                if (jsonBlocks.contains(index)) {
                    sink.deliver(chunk(json.createObjectNode().put("content", partial), null));
                    return;
                }
                Integer toolIndex = toolIndexByBlock.get(index);
                if (toolIndex == null) {
                    return;
                }
                ObjectNode call = json.createObjectNode();
                call.put("index", toolIndex);
                call.putObject("function").put("arguments", partial);
                ObjectNode out = json.createObjectNode();
                out.putArray("tool_calls").add(call);
                sink.deliver(chunk(out, null));
            }
            default -> {
                // signature_delta, citations_delta
            }
        }
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason) {
        if (!roleSent) {
            ObjectNode withRole = json.createObjectNode().put("role", "assistant");
            withRole.setAll(delta);
            delta = withRole;
            roleSent = true;
        }
        return shape.chunk(id, model, created, 0, delta, finishReason);
    }

    /** message_delta usage is cumulative and may restate input and cache counts; later values win. */
    private void mergeUsage(JsonNode reported) {
        if (reported.isObject()) {
            reported.properties().forEach(field -> {
                if (field.getValue().isNumber()) {
                    usage.set(field.getKey(), field.getValue());
                }
            });
        }
    }

    @Override
    public boolean completeWithoutEndMarker() {
        return false;
    }

    @Override
    public Usage usage() {
        return started ? AnthropicResponses.usage(usage) : null;
    }

    @Override
    public String endMarker() {
        return "event: message_stop";
    }
}
