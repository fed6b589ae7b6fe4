package dev.switchboard.gateway.upstream;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google Gemini API: {@code POST {baseUrl}/v1beta/models/{model}:generateContent}, {@code
 * :streamGenerateContent?alt=sse} and {@code :batchEmbedContents}, with {@code x-goog-api-key}; translated to
 * and from the OpenAI shape.
 */
final class GeminiAdapter implements ProviderAdapter, AutoCloseable {

    private final UpstreamTransport transport;
    private final GeminiRequestTranslator requests;
    private final GeminiResponses responses;
    private final JsonMapper json;
    private final Clock clock;

    GeminiAdapter(JsonMapper json, Clock clock) {
        this.transport = new UpstreamTransport(json, clock);
        this.requests = new GeminiRequestTranslator(json, transport.errors());
        this.responses = new GeminiResponses(json);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ProtocolFamily family() {
        return ProtocolFamily.GEMINI;
    }

    @Override
    public ChatResult chat(UpstreamTarget target, ObjectNode openAiRequest) {
        ObjectNode body = requests.translate(target, openAiRequest);
        ObjectNode response = transport.postJson(target, method(target, "generateContent"), headers(target), body);
        if (!response.has("candidates") && !response.has("promptFeedback")) {
            throw transport.errors().malformed(target, "response without candidates", null, false);
        }
        ObjectNode completion = responses.toOpenAi(response, target.upstreamModel(), now());
        return new ChatResult(completion, GeminiResponses.usage(response.path("usageMetadata")));
    }

    @Override
    public Usage chatStream(UpstreamTarget target, ObjectNode openAiRequest, ChatStreamListener listener) {
        ObjectNode body = requests.translate(target, openAiRequest);
        return transport.stream(
                target,
                method(target, "streamGenerateContent?alt=sse"),
                headers(target),
                body,
                new Translator(target, now()),
                listener);
    }

    /**
     * One {@code batchEmbedContents} call for all inputs (strings only). {@code dimensions} →
     * {@code outputDimensionality}; {@code encoding_format: base64} is honoured the way OpenAI encodes it
     * (little-endian float32), since OpenAI's SDKs ask for it by default.
     */
    @Override
    public EmbeddingResult embed(UpstreamTarget target, ObjectNode openAiEmbeddingRequest) {
        JsonNode input = openAiEmbeddingRequest.path("input");
        ArrayNode texts = json.createArrayNode();
        if (input.isString()) {
            texts.add(input.asString(""));
        } else if (input.isArray() && !input.isEmpty() && input.valueStream().allMatch(JsonNode::isString)) {
            texts.addAll(input.valueStream().toList());
        } else {
            throw transport
                    .errors()
                    .unsupported(target, "Gemini embeddings take a string or an array of strings as input");
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode embedRequests = body.putArray("requests");
        for (JsonNode text : texts) {
            ObjectNode request = embedRequests.addObject();
            request.put("model", "models/" + model(target));
            request.putObject("content").putArray("parts").addObject().put("text", text.asString(""));
            if (openAiEmbeddingRequest.path("dimensions").isNumber()) {
                request.put(
                        "outputDimensionality",
                        openAiEmbeddingRequest.get("dimensions").asInt());
            }
        }
        ObjectNode response = transport.postJson(target, method(target, "batchEmbedContents"), headers(target), body);
        JsonNode embeddings = response.path("embeddings");
        if (!embeddings.isArray() || embeddings.size() != texts.size()) {
            throw transport.errors().malformed(target, "expected " + texts.size() + " embeddings", null, false);
        }
        boolean base64 =
                "base64".equals(openAiEmbeddingRequest.path("encoding_format").asString("float"));
        ObjectNode list = json.createObjectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        for (int i = 0; i < embeddings.size(); i++) {
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            JsonNode values = embeddings.get(i).path("values");
            if (base64) {
                item.put("embedding", base64(values));
            } else {
                item.set("embedding", values.deepCopy());
            }
        }
        list.put("model", target.upstreamModel());
        Usage usage = embeddingUsage(response.path("usageMetadata"));
        if (usage != null) {
            list.putObject("usage")
                    .put("prompt_tokens", usage.promptTokens())
                    .put("total_tokens", usage.promptTokens());
        }
        return new EmbeddingResult(list, usage);
    }

    @Override
    public void close() {
        transport.close();
    }

    private java.net.URI method(UpstreamTarget target, String method) {
        return target.resolve("/v1beta/models/" + model(target) + ":" + method);
    }

    private static String model(UpstreamTarget target) {
        String model = target.upstreamModel();
        return model.startsWith("models/") ? model.substring("models/".length()) : model;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static Map<String, String> headers(UpstreamTarget target) {
        Map<String, String> headers = new HashMap<>();
        if (target.hasApiKey()) {
            headers.put("x-goog-api-key", target.apiKey());
        }
        return headers;
    }

    private static Usage embeddingUsage(JsonNode metadata) {
        return metadata.isObject() ? new Usage(metadata.path("promptTokenCount").asLong(0), 0, 0, 0) : null;
    }

    private static String base64(JsonNode values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        values.forEach(v -> bytes.putFloat((float) v.asDouble()));
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** Each event is a whole GenerateContentResponse; the body simply ends after the one with finishReason. */
    private final class Translator implements StreamTranslator {

        private final UpstreamTarget target;
        private final long created;
        private final Map<Integer, Integer> toolCalls = new HashMap<>();
        private Usage usage;
        private boolean finished;
        private boolean roleSent;

        Translator(UpstreamTarget target, long created) {
            this.target = target;
            this.created = created;
        }

        @Override
        public boolean onEvent(SseEvent event, ChunkSink sink) {
            JsonNode parsed = json.readTree(event.data());
            if (!(parsed instanceof ObjectNode response)) {
                throw transport.errors().malformed(target, "stream event is not a JSON object", null, sink.delivered());
            }
            JsonNode error = response.path("error");
            if (error.isObject()) {
                throw transport
                        .errors()
                        .forStreamError(
                                target,
                                error.path("code").asInt(500),
                                error.path("status").asString("") + ": "
                                        + error.path("message").asString(""),
                                sink.delivered(),
                                usage);
            }
            Usage reported = GeminiResponses.usage(response.path("usageMetadata"));
            if (reported != null) {
                usage = reported;
            }
            for (JsonNode candidate : response.path("candidates")) {
                String reason = candidate.path("finishReason").asString("");
                finished |= !reason.isEmpty() && !reason.equals("FINISH_REASON_UNSPECIFIED");
            }
            ObjectNode chunk = responses.toChunk(response, target.upstreamModel(), created, toolCalls);
            if (chunk == null && response.path("promptFeedback").has("blockReason")) {
                // The prompt itself was blocked: say so the way OpenAI would, then the body ends.
                finished = true;
                chunk = new OpenAiShape(json)
                        .chunk(
                                response.path("responseId").asString(""),
                                target.upstreamModel(),
                                created,
                                0,
                                json.createObjectNode(),
                                "content_filter");
            }
            if (chunk != null) {
                sink.deliver(withRoleOnce(chunk));
            }
            return false;
        }

        private ObjectNode withRoleOnce(ObjectNode chunk) {
            if (!roleSent) {
                roleSent = true;
                for (JsonNode choice : chunk.path("choices")) {
                    ObjectNode delta = json.createObjectNode().put("role", "assistant");
                    delta.setAll((ObjectNode) choice.get("delta"));
                    ((ObjectNode) choice).set("delta", delta);
                }
            }
            return chunk;
        }

        @Override
        public boolean completeWithoutEndMarker() {
            return finished;
        }

        @Override
        public Usage usage() {
            return usage;
        }

        @Override
        public String endMarker() {
            return "a candidate with finishReason";
        }
    }
}
