package dev.switchboard.gateway.langchain4j;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A LangChain4j {@link StreamingChatModel} over the router's streamed path: fallbacks before the first
 * token stay invisible, and the call is charged for what was generated however it ends. Like the HTTP
 * models, {@code doChat} returns at once and the handler is called from another (virtual) thread, so a
 * UI thread can start a stream without waiting for it.
 */
final class RouterStreamingChatModel implements StreamingChatModel {

    private static final Logger log = LoggerFactory.getLogger(RouterStreamingChatModel.class);
    private static final AtomicLong STREAMS = new AtomicLong();

    private final GatewayService gateway;
    private final OpenAiRequestMapper requests;
    private final ChargeContext charge;
    private final ChatRequestParameters defaults;

    RouterStreamingChatModel(
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
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        // a request the OpenAI format cannot carry fails here, in the caller's thread, before any call
        ObjectNode body = requests.toOpenAi(request.messages(), defaults.overrideWith(request.parameters()), true);
        Thread.ofVirtual().name("router-stream-" + STREAMS.incrementAndGet()).start(() -> stream(body, handler));
    }

    private void stream(ObjectNode body, StreamingChatResponseHandler handler) {
        HandlerStreamSink sink = new HandlerStreamSink(handler);
        try {
            gateway.chatStream(charge, body, null, sink);
        } catch (GatewayException e) {
            handler.onError(GatewayErrors.toLangChain4j(e));
            return;
        } catch (RuntimeException e) {
            log.error("streamed call through the router failed", e);
            handler.onError(e);
            return;
        }
        if (sink.consumerFailure() != null) {
            // the stream stopped because the handler threw; the call is settled, the handler is told
            handler.onError(sink.consumerFailure());
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return defaults;
    }
}
