package dev.switchboard.ui.gateway;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.switchboard.catalog.Provider;
import dev.switchboard.gateway.CallReceipt;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.ledger.UsageEntry;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of one console call: the answer, who served it (marked when simulated), the tokens and
 * cost as the ledger recorded them, the latency and the providers tried on the way.
 */
final class TryItResult extends VerticalLayout {

    TryItResult(GatewayService.ChatOutcome outcome, Provider servedBy, Optional<UsageEntry> row, String chargedTo) {
        setId("try-result");
        setPadding(false);
        setSpacing(false);
        addClassName("sb-result");
        CallReceipt receipt = outcome.receipt();
        add(servedBy(receipt, servedBy));
        Paragraph answer = new Paragraph(answer(outcome.response()));
        answer.setId("try-answer");
        answer.addClassName("sb-answer");
        add(answer);
        add(line(
                "try-tokens",
                row.map(TryItResult::tokens)
                        .orElse("Tokens: not in the ledger yet (see Usage for request " + receipt.requestId() + ")")));
        add(line(
                "try-cost",
                "Cost: wholesale " + Formats.money(receipt.wholesale()) + " · charged "
                        + Formats.money(receipt.retail()) + " to " + chargedTo));
        add(line("try-latency", "Latency: " + Formats.millis(receipt.latencyMillis())));
        add(line("try-chain", chain(receipt.fallbackChain())));
        add(line("try-request-id", receipt.requestId()));
    }

    private static HorizontalLayout servedBy(CallReceipt receipt, Provider provider) {
        String name = provider == null ? receipt.providerId() : provider.displayName() + " (" + provider.id() + ")";
        Span text = new Span("Served by " + name + " as " + receipt.model());
        text.setId("try-provider-name");
        HorizontalLayout line = new HorizontalLayout(text);
        line.setId("try-provider");
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        if (provider != null && provider.simulated()) {
            line.add(Badges.simulated(), new Span("a built-in simulator: this answer is not real model output"));
        }
        return line;
    }

    /** The text of the first choice; a tool call or an empty answer is said as such. */
    static String answer(JsonNode response) {
        JsonNode message = response.path("choices").path(0).path("message");
        String content = message.path("content").asString("");
        if (!content.isBlank()) {
            return content;
        }
        JsonNode calls = message.path("tool_calls");
        return calls.isArray() && !calls.isEmpty() ? "(the model asked to call tools: " + calls + ")" : "(no text)";
    }

    private static String tokens(UsageEntry row) {
        return "Tokens: " + Formats.tokens(row.inputTokens()) + " input (" + Formats.tokens(row.cachedTokens())
                + " cached) · " + Formats.tokens(row.outputTokens()) + " output";
    }

    private static String chain(List<String> chain) {
        if (chain.size() <= 1) {
            return "Fallback chain: " + Formats.chain(chain) + " (first choice, no fallback)";
        }
        return "Fallback chain: " + Formats.chain(chain) + " (the last one served the call)";
    }

    private static Paragraph line(String id, String text) {
        Paragraph line = new Paragraph(text);
        line.setId(id);
        return line;
    }
}
