package dev.switchboard.gateway.web;

import dev.switchboard.gateway.BudgetLeft;
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
    static final String BUDGET_REMAINING = "x-switchboard-budget-remaining";
    static final String BUDGET_CURRENCY = "x-switchboard-budget-currency";
    static final String BUDGET_NAME = "x-switchboard-budget-name";
    static final String BUDGET_RESETS_AT = "x-switchboard-budget-resets-at";

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
        budget(response, receipt.budget());
    }

    /** The body with its length: one write, no chunked framing for the client to undo. */
    static void json(JsonMapper json, HttpServletResponse response, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
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
        e.budget().ifPresent(b -> {
            ObjectNode budget = error.putObject("budget")
                    .put("id", b.budgetId())
                    .put("name", b.budgetName())
                    .put("currency", b.limit().currency().getCurrencyCode())
                    .put("limit", b.limit().toDecimal())
                    .put("remaining", b.remaining().toDecimal())
                    .put("requested", b.requested().toDecimal());
            if (b.resetsAt() == null) {
                budget.putNull("resets_at");
            } else {
                budget.put("resets_at", b.resetsAt().toString());
            }
        });
        return body;
    }

    /** What is left on the tightest budget that applies to the call, when one does. */
    static void budget(HttpServletResponse response, BudgetLeft left) {
        if (left == null) {
            return;
        }
        response.setHeader(BUDGET_REMAINING, left.remaining().toDecimal().toPlainString());
        response.setHeader(BUDGET_CURRENCY, left.remaining().currency().getCurrencyCode());
        if (left.budgetName() != null && left.budgetName().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            response.setHeader(BUDGET_NAME, left.budgetName()); // headers are ASCII; the id is in the API
        }
        if (left.resetsAt() != null) {
            response.setHeader(BUDGET_RESETS_AT, left.resetsAt().toString());
        }
    }

    static void retryAfter(HttpServletResponse response, GatewayException e) {
        e.retryAfter().ifPresent(d -> response.setHeader("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
    }
}
