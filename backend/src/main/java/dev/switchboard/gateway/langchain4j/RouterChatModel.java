package dev.switchboard.gateway.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayService;

/**
 * A LangChain4j {@link ChatModel} whose calls go through the router in-process: routed, retried, fallen
 * back and charged to its {@link ChargeContext} exactly like a call to {@code /v1/chat/completions}.
 */
final class RouterChatModel implements ChatModel {

    private final GatewayService gateway;
    private final OpenAiRequestMapper requests;
    private final ChargeContext charge;
    private final ChatRequestParameters defaults;

    RouterChatModel(
            GatewayService gateway,
            OpenAiRequestMapper requests,
            ChargeContext charge,
            ChatRequestParameters defaults) {
        this.gateway = gateway;
        this.requests = requests;
        this.charge = charge;
        this.defaults = defaults;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        // chat() has applied the defaults already; doChat may be called directly, so apply them again
        ChatRequestParameters parameters = defaults.overrideWith(request.parameters());
        try {
            GatewayService.ChatOutcome outcome =
                    gateway.chat(charge, requests.toOpenAi(request.messages(), parameters, false), null);
            return OpenAiResponseMapper.toChatResponse(
                    outcome.response(), outcome.receipt().usage());
        } catch (GatewayException e) {
            throw GatewayErrors.toLangChain4j(e);
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return defaults;
    }
}
