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

/**
 * {@code POST /v1/embeddings} in the OpenAI format: routed among the embedding deployments (the
 * in-process all-MiniLM-L6-v2 included), charged in the ledger, answered with the receipt headers.
 */
@RestController
@ConditionalOnNodeRole(NodeRole.API)
class EmbeddingsController {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingsController.class);

    private final GatewayService gateway;
    private final GatewayCallers callers;
    private final RequestBodies bodies;
    private final JsonMapper json;

    EmbeddingsController(GatewayService gateway, GatewayCallers callers, RequestBodies bodies, JsonMapper json) {
        this.gateway = gateway;
        this.callers = callers;
        this.bodies = bodies;
        this.json = json;
    }

    @PostMapping("/v1/embeddings")
    void embeddings(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GatewayException error;
        try {
            ChargeContext charge = callers.authenticate(request);
            JsonNode body = bodies.read(request);
            GatewayService.EmbeddingOutcome outcome = gateway.embed(charge, body);
            GatewayResponses.receipt(response, outcome.receipt());
            GatewayResponses.json(json, response, 200, outcome.response());
            return;
        } catch (GatewayException e) {
            error = e;
        } catch (RuntimeException e) {
            log.error("unexpected gateway failure on /v1/embeddings", e);
            error = GatewayException.upstream(
                    500, "internal_error", "Internal error in the gateway; it has been logged.", null);
        }
        GatewayResponses.retryAfter(response, error);
        GatewayResponses.json(json, response, error.status(), GatewayResponses.openAiError(error));
    }
}
