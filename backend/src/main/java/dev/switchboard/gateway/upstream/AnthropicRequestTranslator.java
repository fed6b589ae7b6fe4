package dev.switchboard.gateway.upstream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI Chat Completions request → Anthropic Messages request (https://docs.anthropic.com/en/api/messages).
 *
 * <ul>
 *   <li>{@code system}/{@code developer} messages → top-level {@code system}; {@code tool} messages → {@code
 *       tool_result} blocks in a user turn; assistant {@code tool_calls} → {@code tool_use} blocks; consecutive
 *       turns of one role are merged, as the API wants user and assistant to alternate.
 *   <li>{@code max_completion_tokens}/{@code max_tokens} → required {@code max_tokens} (default: the
 *       deployment's max output, else 4096); {@code stop} → {@code stop_sequences}; {@code user} → {@code
 *       metadata.user_id}; temperature clamped to Anthropic's 0..1.
 *   <li>images: data URLs → base64 image blocks, http(s) URLs → url image blocks.
 *   <li>{@code response_format} json_object/json_schema → one forced tool whose input is the answer (Anthropic
 *       has no JSON mode); the response translator turns its input back into message content.
 *   <li>{@code n > 1} is refused (one choice only); OpenAI-only fields without an equivalent ({@code seed},
 *       penalties, {@code logprobs}) are dropped; Anthropic's own {@code top_k} and {@code thinking} pass.
 * </ul>
 */
final class AnthropicRequestTranslator {

    /** The forced tool that carries a {@code response_format} answer. */
    static final String JSON_TOOL = "json_response";

    private final JsonMapper json;
    private final UpstreamErrors errors;

    AnthropicRequestTranslator(JsonMapper json, UpstreamErrors errors) {
        this.json = json;
        this.errors = errors;
    }

    /** Whether the request asks for a JSON answer, which the forced {@link #JSON_TOOL} then carries. */
    static boolean wantsJson(ObjectNode request) {
        String type = request.path("response_format").path("type").asString("text");
        return type.equals("json_object") || type.equals("json_schema");
    }

    ObjectNode translate(UpstreamTarget target, ObjectNode request, boolean stream) {
        int n = request.path("n").asInt(1);
        if (n > 1) {
            throw errors.unsupported(
                    target, "Anthropic Messages returns one choice per request; n=" + n + " was asked for");
        }
        ObjectNode body = json.createObjectNode();
        body.put("model", target.upstreamModel());
        JsonNode limit = request.has("max_completion_tokens")
                ? request.get("max_completion_tokens")
                : request.path("max_tokens");
        body.put(
                "max_tokens", limit.isNumber() ? limit.asInt() : target.quirks().defaultMaxOutputTokensOrFallback());
        translateMessages(target, request.path("messages"), body);
        if (request.path("temperature").isNumber()) {
            body.put("temperature", Math.clamp(request.get("temperature").asDouble(), 0.0, 1.0));
        }
        copyIfPresent(request, body, "top_p");
        copyIfPresent(request, body, "top_k");
        copyIfPresent(request, body, "thinking");
        JsonNode stop = request.path("stop");
        if (stop.isString()) {
            body.putArray("stop_sequences").add(stop.asString(""));
        } else if (stop.isArray() && !stop.isEmpty()) {
            body.set("stop_sequences", stop.deepCopy());
        }
        if (request.path("user").isString()) {
            body.putObject("metadata").put("user_id", request.get("user").asString(""));
        }
        translateTools(target, request, body);
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    private void translateMessages(UpstreamTarget target, JsonNode messages, ObjectNode body) {
        if (!messages.isArray() || messages.isEmpty()) {
            throw errors.unsupported(target, "messages must be a non-empty array");
        }
        ArrayNode system = json.createArrayNode();
        ArrayNode turns = body.putArray("messages");
        for (JsonNode message : messages) {
            String role = message.path("role").asString("");
            switch (role) {
                case "system", "developer" -> system.addAll(blocks(target, message.path("content")));
                case "user" -> append(turns, "user", blocks(target, message.path("content")));
                case "assistant" -> append(turns, "assistant", assistantBlocks(target, message));
                case "tool" -> append(turns, "user", toolResult(target, message));
                default -> throw errors.unsupported(target, "message role '" + role + "' cannot be sent to Anthropic");
            }
        }
        if (!system.isEmpty()) {
            boolean plain = system.valueStream().allMatch(block -> block.size() == 2);
            if (plain) {
                StringBuilder text = new StringBuilder();
                system.forEach(block -> text.append(text.isEmpty() ? "" : "\n\n")
                        .append(block.path("text").asString("")));
                body.put("system", text.toString());
            } else {
                body.set("system", system); // blocks with cache_control keep them
            }
        }
    }

    private static void append(ArrayNode turns, String role, ArrayNode blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        JsonNode last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && role.equals(last.path("role").asString(""))) {
            ((ArrayNode) last.get("content")).addAll(blocks);
            return;
        }
        ObjectNode turn = turns.addObject();
        turn.put("role", role);
        turn.set("content", blocks);
    }

    /** Text and image blocks from an OpenAI {@code content} (a string or an array of parts). */
    private ArrayNode blocks(UpstreamTarget target, JsonNode content) {
        ArrayNode blocks = json.createArrayNode();
        if (content.isString()) {
            addText(blocks, content.asString(""), null);
            return blocks;
        }
        for (JsonNode part : content) {
            String type = part.path("type").asString("");
            switch (type) {
                case "text" -> addText(blocks, part.path("text").asString(""), part.get("cache_control"));
                case "image_url" -> blocks.add(image(target, part.path("image_url")));
                default ->
                    throw errors.unsupported(target, "content part type '" + type + "' cannot be sent to Anthropic");
            }
        }
        return blocks;
    }

    private static void addText(ArrayNode blocks, String text, JsonNode cacheControl) {
        if (text.isEmpty()) {
            return; // the API rejects empty text blocks
        }
        ObjectNode block = blocks.addObject();
        block.put("type", "text");
        block.put("text", text);
        if (cacheControl != null && cacheControl.isObject()) {
            block.set("cache_control", cacheControl.deepCopy());
        }
    }

    private ObjectNode image(UpstreamTarget target, JsonNode imageUrl) {
        String url = imageUrl.isString()
                ? imageUrl.asString("")
                : imageUrl.path("url").asString("");
        ObjectNode block = json.createObjectNode();
        block.put("type", "image");
        ObjectNode source = block.putObject("source");
        var dataUrl = DataUrl.parse(url);
        if (dataUrl.isPresent()) {
            source.put("type", "base64");
            source.put("media_type", dataUrl.get().mediaType());
            source.put("data", dataUrl.get().base64());
        } else if (url.startsWith("https://") || url.startsWith("http://")) {
            source.put("type", "url");
            source.put("url", url);
        } else {
            throw errors.unsupported(target, "image_url must be a base64 data URL or an http(s) URL");
        }
        return block;
    }

    private ArrayNode assistantBlocks(UpstreamTarget target, JsonNode message) {
        ArrayNode blocks =
                message.path("content").isNull() || message.path("content").isMissingNode()
                        ? json.createArrayNode()
                        : blocks(target, message.path("content"));
        for (JsonNode call : message.path("tool_calls")) {
            ObjectNode use = blocks.addObject();
            use.put("type", "tool_use");
            use.put("id", call.path("id").asString(""));
            use.put("name", call.path("function").path("name").asString(""));
            use.set("input", arguments(target, call.path("function").path("arguments")));
        }
        return blocks;
    }

    private JsonNode arguments(UpstreamTarget target, JsonNode arguments) {
        String text = arguments.asString("");
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode parsed = json.readTree(text);
            if (parsed.isObject()) {
                return parsed;
            }
        } catch (JacksonException e) {
            // falls through to the refusal below
        }
        throw errors.unsupported(target, "tool call arguments must be a JSON object, got: " + text);
    }

    private ArrayNode toolResult(UpstreamTarget target, JsonNode message) {
        ArrayNode blocks = json.createArrayNode();
        ObjectNode result = blocks.addObject();
        result.put("type", "tool_result");
        result.put("tool_use_id", message.path("tool_call_id").asString(""));
        JsonNode content = message.path("content");
        if (content.isString()) {
            result.put("content", content.asString(""));
        } else if (content.isArray()) {
            result.set("content", blocks(target, content));
        }
        return blocks;
    }

    private void translateTools(UpstreamTarget target, ObjectNode request, ObjectNode body) {
        JsonNode tools = request.path("tools");
        boolean hasTools = tools.isArray() && !tools.isEmpty();
        if (wantsJson(request)) {
            if (hasTools) {
                throw errors.unsupported(target, "response_format together with tools cannot be sent to Anthropic");
            }
            ObjectNode tool = body.putArray("tools").addObject();
            tool.put("name", JSON_TOOL);
            tool.put("description", "Give the answer as this tool's input.");
            JsonNode schema =
                    request.path("response_format").path("json_schema").path("schema");
            tool.set(
                    "input_schema",
                    schema.isObject()
                            ? schema.deepCopy()
                            : json.createObjectNode().put("type", "object"));
            ObjectNode choice = body.putObject("tool_choice");
            choice.put("type", "tool");
            choice.put("name", JSON_TOOL);
            return;
        }
        if (!hasTools) {
            return;
        }
        ArrayNode out = body.putArray("tools");
        for (JsonNode tool : tools) {
            if (!"function".equals(tool.path("type").asString("function"))) {
                throw errors.unsupported(
                        target, "tool type '" + tool.path("type").asString("") + "' cannot be sent to Anthropic");
            }
            JsonNode function = tool.path("function");
            ObjectNode declared = out.addObject();
            declared.put("name", function.path("name").asString(""));
            if (function.path("description").isString()) {
                declared.put("description", function.get("description").asString(""));
            }
            JsonNode parameters = function.path("parameters");
            declared.set(
                    "input_schema",
                    parameters.isObject()
                            ? parameters.deepCopy()
                            : json.createObjectNode().put("type", "object"));
        }
        ObjectNode choice = toolChoice(request.path("tool_choice"));
        if (request.path("parallel_tool_calls").isBoolean()
                && !request.get("parallel_tool_calls").asBoolean()) {
            choice.put("disable_parallel_tool_use", true);
        }
        if (choice.size() > 1 || !"auto".equals(choice.path("type").asString(""))) {
            body.set("tool_choice", choice);
        }
    }

    private ObjectNode toolChoice(JsonNode choice) {
        ObjectNode out = json.createObjectNode();
        if (choice.isObject()) {
            out.put("type", "tool");
            out.put("name", choice.path("function").path("name").asString(""));
            return out;
        }
        out.put(
                "type",
                switch (choice.asString("auto")) {
                    case "none" -> "none";
                    case "required" -> "any";
                    default -> "auto";
                });
        return out;
    }

    private static void copyIfPresent(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(field, value.deepCopy());
        }
    }
}
