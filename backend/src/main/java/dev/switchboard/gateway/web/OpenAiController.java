package dev.switchboard.gateway.web;

import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-compatible gateway: {@code POST /v1/chat/completions}, streamed or not. */
@RestController
@ConditionalOnNodeRole(NodeRole.API)
class OpenAiController {

    static final String LATENCY_CEILING = "x-switchboard-max-latency-ms";
    private static final Logger log = LoggerFactory.getLogger(OpenAiController.class);

    private final GatewayService gateway;
    private final GatewayCallers callers;
    private final RequestBodies bodies;
    private final JsonMapper json;

    OpenAiController(GatewayService gateway, GatewayCallers callers, RequestBodies bodies, JsonMapper json) {
        this.gateway = gateway;
        this.callers = callers;
        this.bodies = bodies;
        this.json = json;
    }

    @PostMapping("/v1/chat/completions")
    void chatCompletions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            ChargeContext charge = callers.authenticate(request);
            JsonNode body = bodies.read(request);
            Long ceiling = latencyCeiling(request);
            if (body.path("stream").asBoolean(false)) {
                gateway.chatStream(charge, body, ceiling, new SseStreamSink(response, json));
            } else {
                GatewayService.ChatOutcome outcome = gateway.chat(charge, body, ceiling);
                GatewayResponses.receipt(response, outcome.receipt());
                GatewayResponses.json(json, response, 200, outcome.response());
            }
        } catch (GatewayException e) {
            fail(response, e);
        } catch (RuntimeException e) {
            log.error("unexpected gateway failure", e);
            fail(
                    response,
                    GatewayException.upstream(
                            500, "internal_error", "Internal error in the gateway; it has been logged.", null));
        }
    }

    private void fail(HttpServletResponse response, GatewayException e) throws IOException {
        if (response.isCommitted()) {
            return; // a stream already began: the sink reported the failure in-band
        }
        GatewayResponses.retryAfter(response, e);
        GatewayResponses.json(json, response, e.status(), GatewayResponses.openAiError(e));
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
