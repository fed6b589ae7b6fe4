package dev.switchboard.simulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible provider: Chat Completions (plain and streamed), Embeddings and Models, with
 * OpenAI's bearer-key check and error shape ({@code {"error": {"message", "type", "param",
 * "code"}}}).
 */
@Component
@ConditionalOnSimulator
final class OpenAiSimulator extends ProtocolSimulator {

    /** A fixed listing date, so the model list is the same on every start. */
    private static final long MODELS_CREATED = 1_767_225_600L;

    private static final int MAX_EMBEDDING_INPUTS = 2048;
    private static final int MAX_DIMENSIONS = 4096;

    private final long seed;
    private final int defaultDimensions;

    OpenAiSimulator(Collaborators collaborators) {
        super(collaborators);
        this.seed = collaborators.properties().seed();
        this.defaultDimensions = collaborators.properties().embeddingDimensions();
    }

    void chatCompletions(
            SimulatedProvider provider, HttpServletRequest request, byte[] body, HttpServletResponse response)
            throws IOException {
        call(provider, request, body, response, (root, plan) -> {
            ChatRequest chat = OpenAiRequests.parse(root, provider);
            Completion completion = generator.complete(provider.id(), chat);
            var wire = new OpenAiWire(
                    json, id("chatcmpl-"), clock.instant().getEpochSecond(), chat.model(), provider.id());
            if (root.path("stream").asBoolean(false)) {
                boolean includeUsage =
                        root.path("stream_options").path("include_usage").asBoolean(false);
                player.stream(response, provider, plan, wire.chunks(completion, includeUsage));
            } else {
                player.body(
                        response, provider, plan, completion.usage().completionTokens(), wire.completion(completion));
            }
        });
    }

    void embeddings(SimulatedProvider provider, HttpServletRequest request, byte[] body, HttpServletResponse response)
            throws IOException {
        call(provider, request, body, response, (root, plan) -> {
            String model = root.path("model").asString("");
            if (model.isBlank()) {
                throw SimulatedFailure.invalid("you must provide a model parameter", "model");
            }
            List<String> inputs = inputs(root.get("input"));
            int dimensions = dimensions(root.get("dimensions"));
            boolean base64 = "base64".equals(root.path("encoding_format").asString("float"));
            ObjectNode answer = json.createObjectNode();
            answer.put("object", "list");
            ArrayNode data = answer.putArray("data");
            int tokens = 0;
            for (int i = 0; i < inputs.size(); i++) {
                float[] vector = EmbeddingVectors.of(inputs.get(i), dimensions, seed);
                ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
                if (base64) {
                    item.put("embedding", base64(vector));
                } else {
                    ArrayNode values = item.putArray("embedding");
                    for (float v : vector) {
                        values.add(v);
                    }
                }
                tokens += Tokens.count(inputs.get(i));
            }
            answer.put("model", model);
            answer.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
            player.body(response, provider, plan, 1, json.writeValueAsBytes(answer));
        });
    }

    @Override
    void models(SimulatedProvider provider, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ObjectNode list = json.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (String model : provider.models()) {
            data.addObject()
                    .put("id", model)
                    .put("object", "model")
                    .put("created", MODELS_CREATED)
                    .put("owned_by", "switchboard-simulator");
        }
        read(request, response, json.writeValueAsBytes(list));
    }

    @Override
    protected void authenticate(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!bearer || header.substring(7).isBlank()) {
            throw new SimulatedFailure(
                    SimulatedFailure.Kind.AUTHENTICATION,
                    "You didn't provide an API key. You need to provide your API key in an Authorization header"
                            + " using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                    null);
        }
    }

    @Override
    protected byte[] errorBody(SimulatedFailure failure, String requestId) {
        ObjectNode error = json.createObjectNode().putObject("error");
        error.put("message", failure.getMessage());
        error.put(
                "type",
                switch (failure.kind()) {
                    case INVALID_REQUEST, AUTHENTICATION, NOT_FOUND -> "invalid_request_error";
                    case RATE_LIMITED -> "requests";
                    case SERVER_ERROR, UNAVAILABLE, TIMEOUT -> "server_error";
                });
        if (failure.param() == null) {
            error.putNull("param");
        } else {
            error.put("param", failure.param());
        }
        switch (failure.kind()) {
            case AUTHENTICATION -> error.put("code", "invalid_api_key");
            case RATE_LIMITED -> error.put("code", "rate_limit_exceeded");
            case NOT_FOUND -> error.put("code", "unknown_url");
            default -> error.putNull("code");
        }
        return json.writeValueAsBytes(json.createObjectNode().set("error", error));
    }

    @Override
    protected String requestIdHeader() {
        return "x-request-id";
    }

    @Override
    protected String notFoundMessage(HttpServletRequest request) {
        return "Invalid URL (" + request.getMethod() + " " + request.getRequestURI() + ")";
    }

    @Override
    protected String unreadableBodyMessage() {
        return "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your"
                + " HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid"
                + " JSON.)";
    }

    private static List<String> inputs(JsonNode input) {
        if (input == null || input.isNull()) {
            throw SimulatedFailure.invalid("'input' is a required property", "input");
        }
        List<String> inputs = new ArrayList<>();
        if (input.isString()) {
            inputs.add(input.asString());
        } else if (input.isArray() && !input.isEmpty() && input.get(0).isNumber()) {
            inputs.add(tokenIds(input));
        } else if (input.isArray()) {
            for (JsonNode item : input) {
                inputs.add(item.isArray() ? tokenIds(item) : item.asString(""));
            }
        }
        if (inputs.isEmpty()
                || inputs.size() > MAX_EMBEDDING_INPUTS
                || inputs.stream().anyMatch(String::isEmpty)) {
            throw SimulatedFailure.invalid(
                    "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
                    "input");
        }
        return inputs;
    }

    /** Token-id input: embedded as the text of the ids, so equal ids embed equally. */
    private static String tokenIds(JsonNode ids) {
        StringBuilder text = new StringBuilder();
        ids.forEach(id -> text.append(id.asLong()).append(' '));
        return text.toString().strip();
    }

    private int dimensions(JsonNode dimensions) {
        if (dimensions == null || dimensions.isNull()) {
            return defaultDimensions;
        }
        if (!dimensions.canConvertToInt() || dimensions.asInt() < 1 || dimensions.asInt() > MAX_DIMENSIONS) {
            throw SimulatedFailure.invalid(
                    "Invalid 'dimensions': expected a value between 1 and " + MAX_DIMENSIONS + ".", "dimensions");
        }
        return dimensions.asInt();
    }

    private static String base64(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            buffer.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }
}
