package dev.switchboard.gateway;

import dev.switchboard.gateway.routing.Capability;
import java.util.EnumSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks an OpenAI chat completion request before anything is reserved or routed, and reads what the
 * router needs of it. Only what would fail everywhere is refused here; provider-specific limits are
 * the router's business.
 */
final class ChatRequests {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    private ChatRequests() {}

    /** What a valid request asks for. */
    record Inspected(ObjectNode body, String model, boolean stream, Set<Capability> needs, Integer maxTokens) {}

    static Inspected inspect(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw GatewayException.invalidRequest(null, "The request body must be a JSON object.");
        }
        String model = requireString(object, "model");
        JsonNode messages = object.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw GatewayException.invalidRequest("messages", "'messages' must be a non-empty array.");
        }
        Set<Capability> needs = EnumSet.noneOf(Capability.class);
        for (int i = 0; i < messages.size(); i++) {
            checkMessage(messages.get(i), i, needs);
        }
        boolean stream = optionalBoolean(object, "stream");
        if (stream) {
            needs.add(Capability.STREAMING);
        }
        JsonNode tools = object.path("tools");
        if (!tools.isMissingNode() && !tools.isNull()) {
            checkTools(tools);
            if (!tools.isEmpty()) {
                needs.add(Capability.TOOLS);
            }
        }
        String format = object.path("response_format").path("type").asString("");
        if (format.equals("json_object") || format.equals("json_schema")) {
            needs.add(Capability.JSON);
        } else if (!format.isEmpty() && !format.equals("text")) {
            throw GatewayException.invalidRequest(
                    "response_format.type", "'response_format.type' must be text, json_object or json_schema.");
        }
        Integer maxTokens = optionalPositiveInt(object, "max_completion_tokens");
        if (maxTokens == null) {
            maxTokens = optionalPositiveInt(object, "max_tokens");
        }
        Integer n = optionalPositiveInt(object, "n");
        if (n != null && n > 16) {
            throw GatewayException.invalidRequest("n", "'n' must be between 1 and 16.");
        }
        JsonNode temperature = object.path("temperature");
        if (!temperature.isMissingNode()
                && !temperature.isNull()
                && (!temperature.isNumber() || temperature.asDouble() < 0 || temperature.asDouble() > 2)) {
            throw GatewayException.invalidRequest("temperature", "'temperature' must be a number between 0 and 2.");
        }
        return new Inspected(object, model, stream, needs, maxTokens);
    }

    private static void checkMessage(JsonNode message, int i, Set<Capability> needs) {
        String at = "messages[" + i + "]";
        if (!message.isObject()) {
            throw GatewayException.invalidRequest(at, "'" + at + "' must be an object with a role and content.");
        }
        String role = message.path("role").asString("");
        if (!ROLES.contains(role)) {
            throw GatewayException.invalidRequest(
                    at + ".role",
                    "'" + at + ".role' must be one of system, developer, user, assistant or tool; got '" + role + "'.");
        }
        JsonNode content = message.path("content");
        boolean assistantWithToolCalls = role.equals("assistant") && message.has("tool_calls");
        if (content.isString() || (assistantWithToolCalls && (content.isNull() || content.isMissingNode()))) {
            return;
        }
        if (!content.isArray()) {
            throw GatewayException.invalidRequest(
                    at + ".content", "'" + at + ".content' must be a string or an array of content parts.");
        }
        for (JsonNode part : content) {
            String type = part.path("type").asString("");
            if (type.equals("image_url") || type.equals("input_image")) {
                needs.add(Capability.VISION);
            } else if (!type.equals("text") && !type.equals("input_audio") && !type.equals("file")) {
                throw GatewayException.invalidRequest(at + ".content", "unknown content part type '" + type + "'.");
            }
        }
    }

    private static void checkTools(JsonNode tools) {
        if (!tools.isArray()) {
            throw GatewayException.invalidRequest("tools", "'tools' must be an array.");
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode name = tools.get(i).path("function").path("name");
            if (!name.isString() || name.asString().isBlank()) {
                throw GatewayException.invalidRequest(
                        "tools[" + i + "].function.name", "every tool needs 'function.name'.");
            }
        }
    }

    static String requireString(ObjectNode object, String field) {
        JsonNode value = object.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw GatewayException.invalidRequest(field, "'" + field + "' is required and must be a string.");
        }
        return value.asString();
    }

    private static boolean optionalBoolean(ObjectNode object, String field) {
        JsonNode value = object.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw GatewayException.invalidRequest(field, "'" + field + "' must be true or false.");
        }
        return value.asBoolean();
    }

    private static Integer optionalPositiveInt(ObjectNode object, String field) {
        JsonNode value = object.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > Integer.MAX_VALUE) {
            throw GatewayException.invalidRequest(field, "'" + field + "' must be a positive integer.");
        }
        return value.asInt();
    }
}
