/**
 * LangChain4j inside the platform: {@link dev.switchboard.gateway.langchain4j.RouterModels} makes
 * {@code ChatModel}, {@code StreamingChatModel} and {@code EmbeddingModel} instances backed by the
 * router in-process, each charged to a {@link dev.switchboard.gateway.ChargeContext}. Exposed to every
 * feature as the {@code langchain4j} named interface of the gateway module: platform code calls models
 * through here, never a provider directly.
 */
@org.springframework.modulith.NamedInterface("langchain4j")
package dev.switchboard.gateway.langchain4j;
