package dev.switchboard.gateway.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayService;
import java.util.Objects;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * LangChain4j models for code inside the platform (workflow steps, agents, retrieval), backed by the
 * router in-process: every call is routed, falls back, and is charged to the given {@link
 * ChargeContext} (org unit, project, workflow run and step) in the usage ledger, like a call to the
 * REST gateway. These are the only models platform code should use: nothing calls a provider except
 * through the router.
 *
 * <p>Models are cheap, immutable and thread-safe: make one per charge context (say, per workflow step).
 */
@Service
public class RouterModels {

    /** The in-process all-MiniLM-L6-v2 deployment: free, 384 dimensions. */
    public static final String DEFAULT_EMBEDDING_MODEL = "minilm";

    private final GatewayService gateway;
    private final JsonMapper json;
    private final OpenAiRequestMapper requests;

    RouterModels(GatewayService gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json;
        this.requests = new OpenAiRequestMapper(json);
    }

    /**
     * A chat model for {@code model}: a concrete name ({@code sim-chat}), a pinned provider ({@code
     * sim-mid/sim-chat}), a tier ({@code tier:economy}) or {@code auto}.
     */
    public ChatModel chat(ChargeContext charge, String model) {
        return chat(charge, withModel(model));
    }

    /** A chat model with default parameters (model name required; temperature, limits, tools...). */
    public ChatModel chat(ChargeContext charge, ChatRequestParameters defaults) {
        return new RouterChatModel(gateway, requests, Objects.requireNonNull(charge, "charge"), checked(defaults));
    }

    /** A streaming chat model for {@code model}; its handler is called from a virtual thread. */
    public StreamingChatModel streamingChat(ChargeContext charge, String model) {
        return streamingChat(charge, withModel(model));
    }

    /** A streaming chat model with default parameters (model name required). */
    public StreamingChatModel streamingChat(ChargeContext charge, ChatRequestParameters defaults) {
        return new RouterStreamingChatModel(
                gateway, requests, Objects.requireNonNull(charge, "charge"), checked(defaults));
    }

    /** The in-process all-MiniLM-L6-v2 embeddings ({@value #DEFAULT_EMBEDDING_MODEL}). */
    public EmbeddingModel embedding(ChargeContext charge) {
        return embedding(charge, DEFAULT_EMBEDDING_MODEL);
    }

    /** Embeddings from {@code model}, an embedding model name, tier or {@code auto}. */
    public EmbeddingModel embedding(ChargeContext charge, String model) {
        return new RouterEmbeddingModel(gateway, json, Objects.requireNonNull(charge, "charge"), required(model));
    }

    private static ChatRequestParameters withModel(String model) {
        return ChatRequestParameters.builder().modelName(required(model)).build();
    }

    private static ChatRequestParameters checked(ChatRequestParameters defaults) {
        required(Objects.requireNonNull(defaults, "defaults").modelName());
        return defaults;
    }

    private static String required(String model) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException(
                    "a model name is required (a name, a tier such as tier:economy, or auto)");
        }
        return model;
    }
}
