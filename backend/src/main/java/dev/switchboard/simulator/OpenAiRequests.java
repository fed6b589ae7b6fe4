package dev.switchboard.simulator;

import dev.switchboard.simulator.ChatRequest.Format;
import dev.switchboard.simulator.ChatRequest.Role;
import dev.switchboard.simulator.ChatRequest.Tool;
import dev.switchboard.simulator.ChatRequest.ToolChoice;
import dev.switchboard.simulator.ChatRequest.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads an OpenAI Chat Completions request into a {@link ChatRequest}, refusing what the OpenAI API
 * refuses (with its messages and {@code param}s) and what the provider cannot do (images without
 * vision, tools or JSON output where unsupported).
 */
final class OpenAiRequests {

    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final int MAX_STOP_SEQUENCES = 4;
    private static final int MAX_CHOICES = 128;

    private OpenAiRequests() {}

    static ChatRequest parse(JsonNode body, SimulatedProvider provider) {
        String model = body.path("model").asString("");
        if (model.isBlank()) {
            throw SimulatedFailure.invalid("you must provide a model parameter", "model");
        }
        List<Turn> turns = turns(body.get("messages"));
        if (turns.stream().anyMatch(t -> t.images() > 0) && !provider.supports(SimulatedCapability.VISION)) {
            throw SimulatedFailure.invalid(
                    "Invalid content type. image_url is only supported by certain models.", "messages");
        }
        List<Tool> tools = tools(body.get("tools"), provider);
        Format format = format(body.get("response_format"), provider, turns);
        boolean stream = body.path("stream").asBoolean(false);
        if (!stream && body.hasNonNull("stream_options")) {
            throw SimulatedFailure.invalid(
                    "The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options");
        }
        return new ChatRequest(
                SimulatedProtocol.OPENAI,
                model,
                turns,
                tools,
                toolChoice(body.get("tool_choice"), tools),
                format,
                maxTokens(body),
                stop(body.get("stop")),
                choices(body.get("n")),
                body.path("seed").asLong(0),
                false);
    }

    private static List<Turn> turns(JsonNode messages) {
        if (messages == null || messages.isNull()) {
            throw SimulatedFailure.invalid("Missing required parameter: 'messages'.", "messages");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw SimulatedFailure.invalid("[] is too short - 'messages'", "messages");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            turns.add(turn(messages.get(i), "messages.[" + i + "]"));
        }
        return turns;
    }

    private static Turn turn(JsonNode message, String param) {
        Role role = switch (message.path("role").asString("")) {
            case "system", "developer" -> Role.SYSTEM;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "tool", "function" -> Role.TOOL;
            default ->
                throw SimulatedFailure.invalid(
                        "Invalid value: '" + message.path("role").asString("") + "'. Supported values are: "
                                + "'system', 'developer', 'assistant', 'user', 'tool', and 'function'.",
                        param + ".role");
        };
        StringBuilder text = new StringBuilder();
        int images = 0;
        JsonNode content = message.get("content");
        if (content != null && content.isString()) {
            text.append(content.asString());
        } else if (content != null && content.isArray()) {
            for (int p = 0; p < content.size(); p++) {
                JsonNode part = content.get(p);
                switch (part.path("type").asString("")) {
                    case "text", "input_text", "refusal" ->
                        text.append(part.path("text").asString(""));
                    case "image_url", "input_image" -> images++;
                    case "input_audio", "file" -> text.append(" [attachment]");
                    default ->
                        throw SimulatedFailure.invalid(
                                "Invalid value: '" + part.path("type").asString("") + "'. Supported values are: "
                                        + "'text', 'image_url', 'input_audio', 'refusal', and 'file'.",
                                param + ".content.[" + p + "].type");
                }
            }
        } else if (role != Role.ASSISTANT) {
            throw SimulatedFailure.invalid("Missing required parameter: '" + param + ".content'.", param + ".content");
        }
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            text.append(" [called ")
                    .append(function.path("name").asString(""))
                    .append(' ')
                    .append(function.path("arguments").asString(""))
                    .append(']');
        }
        return new Turn(role, text.toString(), images);
    }

    private static List<Tool> tools(JsonNode tools, SimulatedProvider provider) {
        if (tools == null || tools.isNull() || tools.isArray() && tools.isEmpty()) {
            return List.of();
        }
        if (!provider.supports(SimulatedCapability.TOOLS)) {
            throw SimulatedFailure.invalid("tools is not supported with this model.", "tools");
        }
        if (!tools.isArray()) {
            throw SimulatedFailure.invalid("Invalid type for 'tools': expected an array.", "tools");
        }
        List<Tool> parsed = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode function = tools.get(i).path("function");
            String name = function.path("name").asString("");
            if (!TOOL_NAME.matcher(name).matches()) {
                throw SimulatedFailure.invalid(
                        "Invalid 'tools[" + i + "].function.name': string does not match pattern. Expected a string"
                                + " that matches the pattern '^[a-zA-Z0-9_-]+$' of at most 64 characters.",
                        "tools[" + i + "].function.name");
            }
            parsed.add(new Tool(name, function.path("description").asString(""), function.path("parameters")));
        }
        return parsed;
    }

    private static ToolChoice toolChoice(JsonNode choice, List<Tool> tools) {
        if (choice == null || choice.isNull()) {
            return tools.isEmpty() ? new ToolChoice.None() : new ToolChoice.Auto();
        }
        if (choice.isString()) {
            return switch (choice.asString()) {
                case "none" -> new ToolChoice.None();
                case "auto" -> new ToolChoice.Auto();
                case "required" -> new ToolChoice.Required();
                default ->
                    throw SimulatedFailure.invalid(
                            "Invalid value: '" + choice.asString() + "'. Supported values are: 'none', 'auto', and"
                                    + " 'required'.",
                            "tool_choice");
            };
        }
        String name = choice.path("function").path("name").asString("");
        if (tools.stream().noneMatch(t -> t.name().equals(name))) {
            throw SimulatedFailure.invalid(
                    "Invalid value for 'tool_choice': tool '" + name + "' is not in 'tools'.", "tool_choice");
        }
        return new ToolChoice.Named(name);
    }

    private static Format format(JsonNode responseFormat, SimulatedProvider provider, List<Turn> turns) {
        String type =
                responseFormat == null ? "text" : responseFormat.path("type").asString("text");
        if (!type.equals("text") && !provider.supports(SimulatedCapability.JSON)) {
            throw SimulatedFailure.invalid(
                    "response_format '" + type + "' is not supported with this model.", "response_format");
        }
        return switch (type) {
            case "text" -> new Format.Text();
            case "json_object" -> {
                boolean mentionsJson = turns.stream()
                        .anyMatch(t -> t.text().toLowerCase(Locale.ROOT).contains("json"));
                if (!mentionsJson) {
                    throw SimulatedFailure.invalid(
                            "'messages' must contain the word 'json' in some form, to use 'response_format' of type"
                                    + " 'json_object'.",
                            "messages");
                }
                yield new Format.JsonObject();
            }
            case "json_schema" -> {
                JsonNode schema = responseFormat.path("json_schema");
                if (schema.path("name").asString("").isBlank()) {
                    throw SimulatedFailure.invalid(
                            "Missing required parameter: 'response_format.json_schema.name'.",
                            "response_format.json_schema.name");
                }
                yield new Format.JsonSchema(schema.path("schema"));
            }
            default ->
                throw SimulatedFailure.invalid(
                        "Invalid value: '" + type + "'. Supported values are: 'text', 'json_object', and"
                                + " 'json_schema'.",
                        "response_format.type");
        };
    }

    private static OptionalInt maxTokens(JsonNode body) {
        String field = body.hasNonNull("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.canConvertToInt() || value.asInt() < 1) {
            throw SimulatedFailure.invalid(
                    "Invalid '" + field + "': integer below minimum value. Expected a value >= 1, but got " + value
                            + " instead.",
                    field);
        }
        return OptionalInt.of(value.asInt());
    }

    private static List<String> stop(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        if (stop.isString()) {
            return List.of(stop.asString());
        }
        List<String> sequences = new ArrayList<>();
        stop.forEach(s -> sequences.add(s.asString("")));
        if (sequences.size() > MAX_STOP_SEQUENCES) {
            throw SimulatedFailure.invalid(
                    "Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array"
                            + " with length " + sequences.size() + " instead.",
                    "stop");
        }
        return sequences;
    }

    private static int choices(JsonNode n) {
        int choices = n == null || n.isNull() ? 1 : n.asInt(0);
        if (choices < 1 || choices > MAX_CHOICES) {
            throw SimulatedFailure.invalid(
                    "Invalid 'n': expected a value between 1 and " + MAX_CHOICES + ", but got " + n + " instead.", "n");
        }
        return choices;
    }
}
