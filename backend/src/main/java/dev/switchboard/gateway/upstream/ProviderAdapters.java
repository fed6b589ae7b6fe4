package dev.switchboard.gateway.upstream;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The upstream SPI's entry point: the {@link ProviderAdapter} of each {@link ProtocolFamily}, picked by the
 * target. The router calls this; nothing else should reach a provider.
 */
@Component
public class ProviderAdapters implements DisposableBean {

    private final Map<ProtocolFamily, ProviderAdapter> byFamily = new EnumMap<>(ProtocolFamily.class);

    @Autowired
    public ProviderAdapters(JsonMapper json, Clock clock) {
        this(List.of(
                new OpenAiCompatibleAdapter(json, clock),
                new AnthropicAdapter(json, clock),
                new GeminiAdapter(json, clock),
                new InProcessEmbeddingAdapter(json)));
    }

    ProviderAdapters(List<ProviderAdapter> adapters) {
        adapters.forEach(adapter -> byFamily.put(adapter.family(), adapter));
        for (ProtocolFamily family : ProtocolFamily.values()) {
            if (!byFamily.containsKey(family)) {
                throw new IllegalArgumentException("no adapter for " + family);
            }
        }
    }

    /** The adapter speaking {@code family}. */
    public ProviderAdapter forFamily(ProtocolFamily family) {
        return byFamily.get(family);
    }

    public ChatResult chat(UpstreamTarget target, ObjectNode openAiRequest) {
        return forFamily(target.family()).chat(target, openAiRequest);
    }

    public Usage chatStream(UpstreamTarget target, ObjectNode openAiRequest, ChatStreamListener listener) {
        return forFamily(target.family()).chatStream(target, openAiRequest, listener);
    }

    public EmbeddingResult embed(UpstreamTarget target, ObjectNode openAiEmbeddingRequest) {
        return forFamily(target.family()).embed(target, openAiEmbeddingRequest);
    }

    /** Closes the adapters' HTTP clients. */
    @Override
    public void destroy() {
        for (ProviderAdapter adapter : byFamily.values()) {
            if (adapter instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // shutting down: nothing left to do with a client that fails to close
                }
            }
        }
    }
}
