package dev.switchboard.gateway.upstream;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic Messages: {@code POST {baseUrl}/v1/messages} with {@code x-api-key} and {@code anthropic-version:
 * 2023-06-01}, translated to and from the OpenAI shape.
 */
final class AnthropicAdapter implements ProviderAdapter, AutoCloseable {

    static final String API_VERSION = "2023-06-01";

    private final UpstreamTransport transport;
    private final AnthropicRequestTranslator requests;
    private final AnthropicResponses responses;
    private final Clock clock;

    AnthropicAdapter(JsonMapper json, Clock clock) {
        this.transport = new UpstreamTransport(json, clock);
        this.requests = new AnthropicRequestTranslator(json, transport.errors());
        this.responses = new AnthropicResponses(json);
        this.clock = clock;
    }

    @Override
    public ProtocolFamily family() {
        return ProtocolFamily.ANTHROPIC;
    }

    @Override
    public ChatResult chat(UpstreamTarget target, ObjectNode openAiRequest) {
        ObjectNode body = requests.translate(target, openAiRequest, false);
        ObjectNode message = transport.postJson(target, target.resolve("/v1/messages"), headers(target), body);
        if (!message.path("content").isArray()) {
            throw transport.errors().malformed(target, "message without content", null, false);
        }
        ObjectNode completion = responses.toOpenAi(
                message, clock.instant().getEpochSecond(), AnthropicRequestTranslator.wantsJson(openAiRequest));
        return new ChatResult(completion, AnthropicResponses.usage(message.path("usage")));
    }

    @Override
    public Usage chatStream(UpstreamTarget target, ObjectNode openAiRequest, ChatStreamListener listener) {
        ObjectNode body = requests.translate(target, openAiRequest, true);
        var translator = new AnthropicStreamTranslator(
                transport.json(),
                transport.errors(),
                target,
                clock.instant().getEpochSecond(),
                AnthropicRequestTranslator.wantsJson(openAiRequest));
        return transport.stream(target, target.resolve("/v1/messages"), headers(target), body, translator, listener);
    }

    @Override
    public EmbeddingResult embed(UpstreamTarget target, ObjectNode openAiEmbeddingRequest) {
        throw transport
                .errors()
                .unsupported(
                        target,
                        "Anthropic has no embeddings API: route embedding models to an OpenAI-compatible or Gemini"
                                + " deployment");
    }

    @Override
    public void close() {
        transport.close();
    }

    private static Map<String, String> headers(UpstreamTarget target) {
        Map<String, String> headers = new HashMap<>();
        headers.put("anthropic-version", API_VERSION);
        if (target.hasApiKey()) {
            headers.put("x-api-key", target.apiKey());
        }
        return headers;
    }
}
