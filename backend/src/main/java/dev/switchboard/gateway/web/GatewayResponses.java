package dev.switchboard.gateway.web;

import dev.switchboard.gateway.CallReceipt;
import dev.switchboard.gateway.GatewayException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes gateway answers: JSON bodies, the {@code x-switchboard-*} headers, OpenAI-shaped errors. */
final class GatewayResponses {

    static final String REQUEST_ID = "x-switchboard-request-id";
    static final String PROVIDER = "x-switchboard-provider";
    static final String MODEL = "x-switchboard-model";
    static final String COST = "x-switchboard-cost";
    static final String CURRENCY = "x-switchboard-currency";

    private GatewayResponses() {}

    static void identity(HttpServletResponse response, String requestId, String provider, String model) {
        response.setHeader(REQUEST_ID, requestId);
        response.setHeader(PROVIDER, provider);
        response.setHeader(MODEL, model);
    }

    /** Headers of a settled call: who served it and the retail charge, e.g. {@code 0.000420 USD}. */
    static void receipt(HttpServletResponse response, CallReceipt receipt) {
        identity(response, receipt.requestId(), receipt.providerId(), receipt.model());
        response.setHeader(COST, receipt.retail().toDecimal().toPlainString());
        response.setHeader(CURRENCY, receipt.retail().currency().getCurrencyCode());
    }

    static void json(JsonMapper json, HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    static ObjectNode openAiError(GatewayException e) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error")
                .put("message", e.getMessage())
                .put("type", e.type())
                .put("code", e.code());
        if (e.param() == null) {
            error.putNull("param");
        } else {
            error.put("param", e.param());
        }
        return body;
    }

    static void retryAfter(HttpServletResponse response, GatewayException e) {
        e.retryAfter().ifPresent(d -> response.setHeader("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
    }
}
