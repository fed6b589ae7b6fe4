package dev.switchboard.gateway.upstream;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI Chat Completions and the providers that speak it: {@code POST {baseUrl}/chat/completions} and
 * {@code /embeddings}, with {@code Authorization: Bearer} when a key is configured. Requests pass through
 * shaped by the provider's {@link Quirks}; responses pass through as they are, usage read from them.
 */
final class OpenAiCompatibleAdapter implements ProviderAdapter, AutoCloseable {

    private final UpstreamTransport transport;
    private final OpenAiRequestShaper shaper;

    OpenAiCompatibleAdapter(JsonMapper json, Clock clock) {
        this.transport = new UpstreamTransport(json, clock);
        this.shaper = new OpenAiRequestShaper(transport.errors());
    }

    @Override
    public ProtocolFamily family() {
        return ProtocolFamily.OPENAI_COMPATIBLE;
    }

    @Override
    public ChatResult chat(UpstreamTarget target, ObjectNode openAiRequest) {
        ObjectNode body = shaper.chat(target, openAiRequest, false);
        ObjectNode response = transport.postJson(target, target.resolve("/chat/completions"), headers(target), body);
        if (!response.path("choices").isArray()) {
            throw transport.errors().malformed(target, "chat completion without choices", null, false);
        }
        return new ChatResult(response, OpenAiUsage.parse(response.path("usage")));
    }

    @Override
    public Usage chatStream(UpstreamTarget target, ObjectNode openAiRequest, ChatStreamListener listener) {
        ObjectNode body = shaper.chat(target, openAiRequest, true);
        return transport.stream(
                target,
                target.resolve("/chat/completions"),
                headers(target),
                body,
                new ChunkTranslator(target),
                listener);
    }

    @Override
    public EmbeddingResult embed(UpstreamTarget target, ObjectNode openAiEmbeddingRequest) {
        ObjectNode body = shaper.embedding(target, openAiEmbeddingRequest);
        ObjectNode response = transport.postJson(target, target.resolve("/embeddings"), headers(target), body);
        if (!response.path("data").isArray()) {
            throw transport.errors().malformed(target, "embeddings response without data", null, false);
        }
        return new EmbeddingResult(response, OpenAiUsage.parse(response.path("usage")));
    }

    @Override
    public void close() {
        transport.close();
    }

    private static Map<String, String> headers(UpstreamTarget target) {
        Map<String, String> headers = new HashMap<>();
        if (target.hasApiKey()) {
            headers.put("Authorization", "Bearer " + target.apiKey());
        }
        return headers;
    }

    /** OpenAI chunks pass through; usage is taken out of them and returned at the end instead. */
    private final class ChunkTranslator implements StreamTranslator {

        private final UpstreamTarget target;
        private Usage usage;
        private boolean finished;

        ChunkTranslator(UpstreamTarget target) {
            this.target = target;
        }

        @Override
        public boolean onEvent(SseEvent event, ChunkSink sink) {
            String data = event.data().strip();
            if (data.equals("[DONE]")) {
                return true;
            }
            JsonNode parsed = transport.json().readTree(data);
            if (!(parsed instanceof ObjectNode chunk)) {
                throw transport.errors().malformed(target, "stream event is not a JSON object", null, sink.delivered());
            }
            JsonNode error = chunk.path("error");
            if (error.isObject()) {
                // OpenRouter and others report failures after the 200 as an error event.
                int status = error.path("code").asInt(500);
                throw transport
                        .errors()
                        .forStreamError(
                                target,
                                status,
                                error.path("message").asString("upstream error"),
                                sink.delivered(),
                                usage);
            }
            takeUsage(chunk);
            JsonNode choices = chunk.path("choices");
            if (!choices.isArray() || choices.isEmpty()) {
                return false; // the usage-only chunk (include_usage), or a provider's empty heartbeat
            }
            boolean content = false;
            for (JsonNode choice : choices) {
                boolean finishes = !choice.path("finish_reason").isNull()
                        && !choice.path("finish_reason").isMissingNode();
                finished |= finishes;
                content |= finishes || OpenAiShape.hasContent(choice.path("delta"));
            }
            if (content) {
                sink.deliver(chunk);
            } else {
                sink.hold(chunk);
            }
            return false;
        }

        private void takeUsage(ObjectNode chunk) {
            Usage top = OpenAiUsage.parse(chunk.path("usage"));
            if (top != null) {
                usage = top;
            }
            chunk.remove("usage");
            for (JsonNode choice : chunk.path("choices")) {
                // Moonshot puts the final usage inside the choice (earendil-works/pi#2017).
                Usage inChoice = OpenAiUsage.parse(choice.path("usage"));
                if (inChoice != null) {
                    usage = inChoice;
                }
                if (choice instanceof ObjectNode object) {
                    object.remove("usage");
                }
            }
        }

        /** Every provider sends [DONE]; a body that ends after a finish_reason lost nothing but the marker. */
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
            return "data: [DONE]";
        }
    }
}
