package dev.switchboard.gateway.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A LangChain4j chat request as the gateway's canonical request, an OpenAI chat completion: messages
 * (system, user with text and images, assistant with tool calls, tool results), tool specifications as
 * functions, the response format and the sampling parameters. What OpenAI's format cannot say is
 * refused with {@link UnsupportedFeatureException} rather than dropped.
 */
final class OpenAiRequestMapper {

    private final JsonMapper json;
    private final JsonSchemaMapper schemas;

    OpenAiRequestMapper(JsonMapper json) {
        this.json = json;
        this.schemas = new JsonSchemaMapper(json);
    }

    ObjectNode toOpenAi(List<ChatMessage> messages, ChatRequestParameters parameters, boolean stream) {
        ObjectNode body = json.createObjectNode();
        if (parameters.modelName() != null) {
            body.put("model", parameters.modelName());
        }
        ArrayNode out = body.putArray("messages");
        messages.forEach(message -> out.add(message(message)));
        sampling(parameters, body);
        tools(parameters, body);
        responseFormat(parameters.responseFormat(), body);
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    ObjectNode message(ChatMessage message) {
        return switch (message) {
            case SystemMessage system ->
                json.createObjectNode().put("role", "system").put("content", system.text());
            case UserMessage user -> user(user);
            case AiMessage ai -> assistant(ai);
            case ToolExecutionResultMessage result -> {
                ObjectNode node = json.createObjectNode().put("role", "tool");
                if (result.id() != null) {
                    node.put("tool_call_id", result.id());
                }
                yield node.put("content", result.text() == null ? "" : result.text());
            }
            default ->
                throw new UnsupportedFeatureException(
                        message.type() + " messages cannot be sent through the router's OpenAI format");
        };
    }

    private ObjectNode user(UserMessage user) {
        ObjectNode node = json.createObjectNode().put("role", "user");
        if (user.name() != null) {
            node.put("name", user.name());
        }
        if (user.hasSingleText()) {
            return node.put("content", user.singleText());
        }
        ArrayNode parts = node.putArray("content");
        for (Content content : user.contents()) {
            switch (content) {
                case TextContent text -> parts.addObject().put("type", "text").put("text", text.text());
                case ImageContent image -> parts.add(image(image));
                default ->
                    throw new UnsupportedFeatureException(
                            content.type() + " content is not supported by the router yet; send text or images");
            }
        }
        return node;
    }

    private ObjectNode image(ImageContent content) {
        Image image = content.image();
        String url = image.url() != null
                ? image.url().toString()
                : "data:" + (image.mimeType() == null ? "image/png" : image.mimeType()) + ";base64,"
                        + image.base64Data();
        ObjectNode part = json.createObjectNode().put("type", "image_url");
        ObjectNode imageUrl = part.putObject("image_url").put("url", url);
        if (content.detailLevel() != null) {
            switch (content.detailLevel()) {
                case LOW, HIGH, AUTO ->
                    imageUrl.put("detail", content.detailLevel().name().toLowerCase(Locale.ROOT));
                default -> {
                    // MEDIUM and ULTRA_HIGH have no OpenAI equivalent: the provider's default applies
                }
            }
        }
        return part;
    }

    private ObjectNode assistant(AiMessage ai) {
        ObjectNode node = json.createObjectNode().put("role", "assistant");
        if (!ai.hasToolExecutionRequests()) {
            return node.put("content", ai.text() == null ? "" : ai.text());
        }
        if (ai.text() == null) {
            node.putNull("content");
        } else {
            node.put("content", ai.text());
        }
        ArrayNode calls = node.putArray("tool_calls");
        for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
            ObjectNode call = calls.addObject();
            if (request.id() != null) {
                call.put("id", request.id());
            }
            call.put("type", "function")
                    .putObject("function")
                    .put("name", request.name())
                    .put("arguments", request.arguments() == null ? "{}" : request.arguments());
        }
        return node;
    }

    private static void sampling(ChatRequestParameters p, ObjectNode body) {
        if (p.temperature() != null) {
            body.put("temperature", p.temperature());
        }
        if (p.topP() != null) {
            body.put("top_p", p.topP());
        }
        if (p.topK() != null) {
            body.put("top_k", p.topK()); // passed on: Anthropic and Gemini take it, OpenAI-compatible servers vary
        }
        if (p.frequencyPenalty() != null) {
            body.put("frequency_penalty", p.frequencyPenalty());
        }
        if (p.presencePenalty() != null) {
            body.put("presence_penalty", p.presencePenalty());
        }
        if (p.maxOutputTokens() != null) {
            body.put("max_completion_tokens", p.maxOutputTokens());
        }
        if (p.stopSequences() != null && !p.stopSequences().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            p.stopSequences().forEach(stop::add);
        }
    }

    private void tools(ChatRequestParameters p, ObjectNode body) {
        List<ToolSpecification> specifications = p.toolSpecifications();
        if (specifications != null && !specifications.isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            specifications.forEach(spec -> tools.add(tool(spec)));
        }
        if (p.toolChoice() != null) {
            body.put("tool_choice", p.toolChoice().name().toLowerCase(Locale.ROOT));
        }
    }

    ObjectNode tool(ToolSpecification spec) {
        ObjectNode tool = json.createObjectNode().put("type", "function");
        ObjectNode function = tool.putObject("function").put("name", spec.name());
        if (spec.description() != null) {
            function.put("description", spec.description());
        }
        if (spec.parameters() == null) {
            function.putObject("parameters").put("type", "object").putObject("properties");
        } else {
            function.set("parameters", schemas.toJson(spec.parameters()));
        }
        return tool;
    }

    private void responseFormat(ResponseFormat format, ObjectNode body) {
        if (format == null || format.type() != ResponseFormatType.JSON) {
            return;
        }
        JsonSchema schema = format.jsonSchema();
        if (schema == null) {
            body.putObject("response_format").put("type", "json_object");
            return;
        }
        ObjectNode jsonSchema =
                body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
        jsonSchema.put("name", schema.name() == null ? "response" : schema.name());
        jsonSchema.set("schema", schemas.toJson(schema.rootElement()));
    }
}
