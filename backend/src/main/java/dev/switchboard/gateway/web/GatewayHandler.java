package dev.switchboard.gateway.web;

import dev.switchboard.gateway.GatewayException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.JsonNode;

/** A model-call endpoint ({@code POST} only) served by the {@link GatewayServlet}. */
interface GatewayHandler {

    /** The exact path it serves, such as {@code /v1/chat/completions}. */
    String path();

    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;

    /** A failure in the error shape this endpoint's clients expect: OpenAI's unless it says otherwise. */
    default JsonNode errorBody(GatewayException e) {
        return GatewayResponses.openAiError(e);
    }
}
