package dev.switchboard.gateway.upstream;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI Chat Completions request → Gemini {@code GenerateContentRequest}
 * (https://ai.google.dev/api/generate-content).
 *
 * <ul>
 *   <li>messages → {@code contents} with roles {@code user}/{@code model}; system and developer messages →
 *       {@code systemInstruction}; assistant {@code tool_calls} → {@code functionCall} parts; {@code tool}
 *       messages → {@code functionResponse} parts, named after the call they answer.
 *   <li>sampling and limits → {@code generationConfig} ({@code temperature, topP, topK, maxOutputTokens,
 *       stopSequences, candidateCount, seed, presencePenalty, frequencyPenalty}); {@code response_format} →
 *       {@code responseMimeType: application/json} plus {@code responseJsonSchema}, which takes JSON Schema
 *       as OpenAI clients write it (the older {@code responseSchema} rejects e.g. {@code additionalProperties}).
 *   <li>tools → {@code functionDeclarations} with {@code parametersJsonSchema}; {@code tool_choice} → {@code
 *       toolConfig.functionCallingConfig} (NONE, AUTO, ANY, {@code allowedFunctionNames}).
 *   <li>images: base64 data URLs → {@code inlineData}; remote URLs are refused (Gemini reads remote files only
 *       through its File API). Gemini's own {@code safetySettings} and {@code cachedContent} pass through.
 * </ul>
 */
final class GeminiRequestTranslator {

    private final JsonMapper json;
    private final UpstreamErrors errors;

    GeminiRequestTranslator(JsonMapper json, UpstreamErrors errors) {
        this.json = json;
        this.errors = errors;
    }

    ObjectNode translate(UpstreamTarget target, ObjectNode request) {
        ObjectNode body = json.createObjectNode();
        translateMessages(target, request.path("messages"), body);
        ObjectNode config = generationConfig(request);
        if (!config.isEmpty()) {
            body.set("generationConfig", config);
        }
        translateTools(request, body);
        for (String field : new String[] {"safetySettings", "cachedContent"}) {
            if (request.hasNonNull(field)) {
                body.set(field, request.get(field).deepCopy());
            }
        }
        return body;
    }

    private void translateMessages(UpstreamTarget target, JsonNode messages, ObjectNode body) {
        if (!messages.isArray() || messages.isEmpty()) {
            throw errors.unsupported(target, "messages must be a non-empty array");
        }
        ArrayNode system = json.createArrayNode();
        ArrayNode contents = body.putArray("contents");
        Map<String, String> toolNames = new HashMap<>();
        for (JsonNode message : messages) {
            String role = message.path("role").asString("");
            switch (role) {
                case "system", "developer" -> system.addAll(parts(target, message.path("content")));
                case "user" -> append(contents, "user", parts(target, message.path("content")));
                case "assistant" -> append(contents, "model", assistantParts(target, message, toolNames));
                case "tool" -> append(contents, "user", functionResponse(target, message, toolNames));
                default -> throw errors.unsupported(target, "message role '" + role + "' cannot be sent to Gemini");
            }
        }
        if (!system.isEmpty()) {
            body.putObject("systemInstruction").set("parts", system);
        }
    }

    /** Gemini wants user and model turns to alternate; consecutive turns of one role become one. */
    private static void append(ArrayNode contents, String role, ArrayNode parts) {
        if (parts.isEmpty()) {
            return;
        }
        JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
        if (last != null && role.equals(last.path("role").asString(""))) {
            ((ArrayNode) last.get("parts")).addAll(parts);
            return;
        }
        ObjectNode content = contents.addObject();
        content.put("role", role);
        content.set("parts", parts);
    }

    private ArrayNode parts(UpstreamTarget target, JsonNode content) {
        ArrayNode parts = json.createArrayNode();
        if (content.isString()) {
            if (!content.asString("").isEmpty()) {
                parts.addObject().put("text", content.asString(""));
            }
            return parts;
        }
        for (JsonNode part : content) {
            String type = part.path("type").asString("");
            switch (type) {
                case "text" -> parts.addObject().put("text", part.path("text").asString(""));
                case "image_url" -> {
                    JsonNode imageUrl = part.path("image_url");
                    String url = imageUrl.isString()
                            ? imageUrl.asString("")
                            : imageUrl.path("url").asString("");
                    DataUrl data = DataUrl.parse(url)
                            .orElseThrow(
                                    () -> errors.unsupported(target, "Gemini accepts images as base64 data URLs only"));
                    ObjectNode inline = parts.addObject().putObject("inlineData");
                    inline.put("mimeType", data.mediaType());
                    inline.put("data", data.base64());
                }
                default ->
                    throw errors.unsupported(target, "content part type '" + type + "' cannot be sent to Gemini");
            }
        }
        return parts;
    }

    private ArrayNode assistantParts(UpstreamTarget target, JsonNode message, Map<String, String> toolNames) {
        JsonNode content = message.path("content");
        ArrayNode parts = content.isString() || content.isArray() ? parts(target, content) : json.createArrayNode();
        for (JsonNode call : message.path("tool_calls")) {
            String name = call.path("function").path("name").asString("");
            toolNames.put(call.path("id").asString(""), name);
            ObjectNode functionCall = parts.addObject().putObject("functionCall");
            functionCall.put("name", name);
            functionCall.set(
                    "args", object(call.path("function").path("arguments").asString("")));
        }
        return parts;
    }

    private ArrayNode functionResponse(UpstreamTarget target, JsonNode message, Map<String, String> toolNames) {
        String callId = message.path("tool_call_id").asString("");
        String name = toolNames.get(callId);
        if (name == null) {
            throw errors.unsupported(target, "tool message answers unknown tool call '" + callId + "'");
        }
        ArrayNode parts = json.createArrayNode();
        ObjectNode response = parts.addObject().putObject("functionResponse");
        response.put("name", name);
        String text = OpenAiShape.text(message.path("content"));
        // functionResponse.response must be an object; other results are wrapped.
        ObjectNode result = parseObject(text);
        response.set(
                "response", result != null ? result : json.createObjectNode().put("content", text));
        return parts;
    }

    private ObjectNode generationConfig(ObjectNode request) {
        ObjectNode config = json.createObjectNode();
        copyNumber(request, "temperature", config, "temperature");
        copyNumber(request, "top_p", config, "topP");
        copyNumber(request, "top_k", config, "topK");
        copyNumber(
                request,
                request.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens",
                config,
                "maxOutputTokens");
        copyNumber(request, "n", config, "candidateCount");
        copyNumber(request, "seed", config, "seed");
        copyNumber(request, "presence_penalty", config, "presencePenalty");
        copyNumber(request, "frequency_penalty", config, "frequencyPenalty");
        JsonNode stop = request.path("stop");
        if (stop.isString()) {
            config.putArray("stopSequences").add(stop.asString(""));
        } else if (stop.isArray() && !stop.isEmpty()) {
            config.set("stopSequences", stop.deepCopy());
        }
        JsonNode format = request.path("response_format");
        String type = format.path("type").asString("text");
        if (type.equals("json_object") || type.equals("json_schema")) {
            config.put("responseMimeType", "application/json");
            JsonNode schema = format.path("json_schema").path("schema");
            if (schema.isObject()) {
                config.set("responseJsonSchema", schema.deepCopy());
            }
        }
        return config;
    }

    private void translateTools(ObjectNode request, ObjectNode body) {
        JsonNode tools = request.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            return;
        }
        ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            ObjectNode declaration = declarations.addObject();
            declaration.put("name", function.path("name").asString(""));
            if (function.path("description").isString()) {
                declaration.put("description", function.get("description").asString(""));
            }
            if (function.path("parameters").isObject()) {
                declaration.set(
                        "parametersJsonSchema", function.get("parameters").deepCopy());
            }
        }
        JsonNode choice = request.path("tool_choice");
        if (choice.isMissingNode() || choice.isNull()) {
            return;
        }
        ObjectNode calling = body.putObject("toolConfig").putObject("functionCallingConfig");
        if (choice.isObject()) {
            calling.put("mode", "ANY");
            calling.putArray("allowedFunctionNames")
                    .add(choice.path("function").path("name").asString(""));
        } else {
            calling.put(
                    "mode",
                    switch (choice.asString("auto")) {
                        case "none" -> "NONE";
                        case "required" -> "ANY";
                        default -> "AUTO";
                    });
        }
    }

    /** Tool-call arguments as an object; Gemini has no way to carry anything else. */
    private ObjectNode object(String text) {
        ObjectNode parsed = parseObject(text);
        return parsed != null ? parsed : json.createObjectNode();
    }

    private ObjectNode parseObject(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text) instanceof ObjectNode object ? object : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void copyNumber(ObjectNode from, String field, ObjectNode to, String as) {
        JsonNode value = from.path(field);
        if (value.isNumber()) {
            to.set(as, value.deepCopy());
        }
    }
}
