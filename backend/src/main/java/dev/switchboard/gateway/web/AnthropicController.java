package dev.switchboard.gateway.web;

import dev.switchboard.gateway.CallReceipt;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.gateway.StreamSink;
import dev.switchboard.gateway.anthropic.MessagesRequests;
import dev.switchboard.gateway.anthropic.MessagesResponses;
import dev.switchboard.gateway.anthropic.MessagesStream;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/messages} in Anthropic's Messages format, in and out (streaming events included), so
 * Anthropic-style clients use the same router, budgets and ledger as everyone else.
 */
@Component
@ConditionalOnNodeRole(NodeRole.API)
class AnthropicController implements GatewayHandler {

    static final String PATH = "/v1/messages";

    private final GatewayService gateway;
    private final GatewayEndpoint endpoint;
    private final JsonMapper json;

    AnthropicController(GatewayService gateway, GatewayEndpoint endpoint, JsonMapper json) {
        this.gateway = gateway;
        this.endpoint = endpoint;
        this.json = json;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public JsonNode errorBody(GatewayException e) {
        return MessagesResponses.error(e.status(), e.getMessage());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        endpoint.serve(this, request, response, (charge, body, ceiling) -> {
            ObjectNode openAi = MessagesRequests.toOpenAi(body);
            if (openAi.path("stream").asBoolean(false)) {
                openAi.putObject("stream_options").put("include_usage", true);
                gateway.chatStream(
                        charge,
                        openAi,
                        ceiling,
                        new EventSink(response, openAi.path("model").asString()));
            } else {
                GatewayService.ChatOutcome outcome = gateway.chat(charge, openAi, ceiling);
                GatewayResponses.receipt(response, outcome.receipt());
                GatewayResponses.json(json, response, 200, MessagesResponses.fromOpenAi(outcome.response()));
            }
        });
    }

    /** Writes the Anthropic event stream translated from the gateway's OpenAI chunks. */
    private final class EventSink implements StreamSink {
        private final HttpServletResponse response;
        private final String model;
        private MessagesStream stream;
        private OutputStream out;

        EventSink(HttpServletResponse response, String model) {
            this.response = response;
            this.model = model;
        }

        @Override
        public void begin(String requestId, String providerId, String servedModel) throws IOException {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            GatewayResponses.identity(response, requestId, providerId, servedModel);
            out = response.getOutputStream();
            stream = new MessagesStream("msg_" + requestId, model, 0);
        }

        @Override
        public void chunk(ObjectNode openAiChunk) throws IOException {
            for (MessagesStream.Event event : stream.onChunk(openAiChunk)) {
                write(event);
            }
        }

        @Override
        public void complete(CallReceipt receipt, ObjectNode usageChunk) throws IOException {
            for (MessagesStream.Event event : stream.finish(usageChunk.path("usage"))) {
                write(event);
            }
            out.flush();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void fail(CallReceipt receipt, GatewayException error) throws IOException {
            ObjectNode data = MessagesResponses.error(error.status(), error.getMessage());
            out.write(
                    ("event: error\ndata: " + json.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private void write(MessagesStream.Event event) throws IOException {
            out.write(("event: " + event.name() + "\ndata: " + json.writeValueAsString(event.data()) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
