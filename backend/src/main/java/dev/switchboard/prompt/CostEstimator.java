package dev.switchboard.prompt;

import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.gateway.routing.RoutePlan;
import dev.switchboard.gateway.tokens.TokenCounter;
import dev.switchboard.ledger.RetailPricing;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.platform.Money;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Estimates per model through the gateway's own path, so the estimate is what a run would do: the
 * router's plan for the request ({@link GatewayService#explain}: model, tier or alias, the unit's policy,
 * health) and its expected wholesale cost, the gateway's tokenizer for the prompt, and the unit's retail
 * pricing on top. Nothing is called or charged.
 */
@Component
class CostEstimator {

    /** The router's assumption when a request sets no output limit (see its ranking). */
    static final int ASSUMED_OUTPUT_TOKENS = 512;

    static final String REFERENCE_CURRENCY = "USD";

    private final GatewayService gateway;
    private final TokenCounter tokens;
    private final RetailPricing pricing;

    CostEstimator(GatewayService gateway, TokenCounter tokens, RetailPricing pricing) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.pricing = pricing;
    }

    ModelEstimate estimate(OrgUnitId unit, String model, ObjectNode chatRequest) {
        long promptTokens = tokens.countPrompt(chatRequest);
        long output = chatRequest.hasNonNull("max_tokens")
                ? chatRequest.path("max_tokens").asLong()
                : ASSUMED_OUTPUT_TOKENS;
        try {
            RoutePlan plan = gateway.explain(ChargeContext.of(unit), chatRequest, null);
            if (plan.isEmpty()) {
                String why = plan.excluded().stream()
                        .map(e -> e.providerId() + ": " + e.detail())
                        .distinct()
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("no deployment");
                return new ModelEstimate(
                        model,
                        null,
                        null,
                        promptTokens,
                        output,
                        null,
                        0,
                        "no deployment of '" + model + "' can serve this prompt: " + why);
            }
            RoutePlan.Ranked first = plan.ranked().getFirst();
            Money wholesale = Money.ofMicros(first.expectedCostMicros(), REFERENCE_CURRENCY);
            Money retail = pricing.retailFor(unit, first.candidate().model(), promptTokens, 0, output, wholesale)
                    .retail();
            return new ModelEstimate(
                    model,
                    first.candidate().providerId(),
                    first.candidate().model(),
                    promptTokens,
                    output,
                    retail,
                    plan.ranked().size(),
                    null);
        } catch (GatewayException e) {
            return new ModelEstimate(model, null, null, promptTokens, output, null, 0, e.getMessage());
        }
    }
}
