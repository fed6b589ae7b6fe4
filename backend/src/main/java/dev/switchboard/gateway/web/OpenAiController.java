package dev.switchboard.gateway.web;

import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-compatible gateway: {@code POST /v1/chat/completions}, streamed or not. */
@Component
@ConditionalOnNodeRole(NodeRole.API)
class OpenAiController implements GatewayHandler {

    static final String PATH = "/v1/chat/completions";

    static final String LATENCY_CEILING = "x-switchboard-max-latency-ms";

    private final GatewayService gateway;
    private final GatewayEndpoint endpoint;
    private final JsonMapper json;

    OpenAiController(GatewayService gateway, GatewayEndpoint endpoint, JsonMapper json) {
        this.gateway = gateway;
        this.endpoint = endpoint;
        this.json = json;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        endpoint.serve(this, request, response, (charge, body, ceiling) -> {
            if (body.path("stream").asBoolean(false)) {
                gateway.chatStream(charge, body, ceiling, new SseStreamSink(response, json));
            } else {
                GatewayService.ChatOutcome outcome = gateway.chat(charge, body, ceiling);
                GatewayResponses.receipt(response, outcome.receipt());
                GatewayResponses.json(json, response, 200, outcome.response());
            }
        });
    }

    static Long latencyCeiling(HttpServletRequest request) {
        String value = request.getHeader(LATENCY_CEILING);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long millis = Long.parseLong(value.strip());
            if (millis > 0) {
                return millis;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw GatewayException.invalidRequest(
                LATENCY_CEILING, "'" + LATENCY_CEILING + "' must be a positive number of milliseconds.");
    }
}
