package dev.switchboard.gateway.web;

import dev.switchboard.gateway.GatewayService;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/embeddings} in the OpenAI format: routed among the embedding deployments (the
 * in-process all-MiniLM-L6-v2 included), charged in the ledger, answered with the receipt headers.
 */
@Component
@ConditionalOnNodeRole(NodeRole.API)
class EmbeddingsController implements GatewayHandler {

    static final String PATH = "/v1/embeddings";

    private final GatewayService gateway;
    private final GatewayEndpoint endpoint;
    private final JsonMapper json;

    EmbeddingsController(GatewayService gateway, GatewayEndpoint endpoint, JsonMapper json) {
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
            GatewayService.EmbeddingOutcome outcome = gateway.embed(charge, body, ceiling);
            GatewayResponses.receipt(response, outcome.receipt());
            GatewayResponses.json(json, response, 200, outcome.response());
        });
    }
}
