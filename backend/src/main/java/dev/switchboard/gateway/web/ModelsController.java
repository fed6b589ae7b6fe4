package dev.switchboard.gateway.web;

import dev.switchboard.catalog.Catalog;
import dev.switchboard.catalog.Deployment;
import dev.switchboard.catalog.DeploymentId;
import dev.switchboard.catalog.Price;
import dev.switchboard.catalog.PriceList;
import dev.switchboard.catalog.ProtocolFamily;
import dev.switchboard.catalog.Provider;
import dev.switchboard.catalog.ProviderId;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/models}: the model names a key can call, in OpenAI's list shape, each with what it can
 * do, its context window, and per serving provider the price in force and whether it is simulated.
 */
@RestController
@ConditionalOnNodeRole(NodeRole.API)
class ModelsController {

    private final Catalog catalog;
    private final PriceList prices;
    private final GatewayCallers callers;
    private final JsonMapper json;
    private final Clock clock;

    ModelsController(Catalog catalog, PriceList prices, GatewayCallers callers, JsonMapper json, Clock clock) {
        this.catalog = catalog;
        this.prices = prices;
        this.callers = callers;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/v1/models")
    void models(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            callers.authenticate(request);
        } catch (GatewayException e) {
            GatewayResponses.json(json, response, e.status(), GatewayResponses.openAiError(e));
            return;
        }
        Map<ProviderId, Provider> providers =
                catalog.providers().stream().collect(Collectors.toMap(Provider::id, Function.identity()));
        Map<DeploymentId, Price> priceNow = prices.pricesAt(clock.instant());
        Map<String, List<Deployment>> byName = new TreeMap<>(catalog.deployments().stream()
                .filter(d -> d.enabled() && providers.get(d.providerId()).enabled() && priceNow.containsKey(d.id()))
                .collect(Collectors.groupingBy(Deployment::modelName)));
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("object", "list");
        ArrayNode data = body.putArray("data");
        byName.forEach((name, deployments) -> data.add(model(name, deployments, providers, priceNow)));
        GatewayResponses.json(json, response, 200, body);
    }

    private static ObjectNode model(
            String name,
            List<Deployment> deployments,
            Map<ProviderId, Provider> providers,
            Map<DeploymentId, Price> priceNow) {
        ObjectNode model = JsonNodeFactory.instance
                .objectNode()
                .put("id", name)
                .put("object", "model")
                .put(
                        "created",
                        deployments.stream()
                                .map(Deployment::createdAt)
                                .min(Comparator.naturalOrder())
                                .orElseThrow()
                                .getEpochSecond())
                .put("owned_by", deployments.getFirst().providerId().value())
                .put(
                        "simulated",
                        deployments.stream()
                                .allMatch(d -> providers.get(d.providerId()).simulated()))
                .put(
                        "context_window",
                        deployments.stream()
                                .mapToInt(Deployment::contextWindowTokens)
                                .max()
                                .orElse(0))
                .put(
                        "max_output_tokens",
                        deployments.stream()
                                .mapToInt(Deployment::maxOutputTokens)
                                .max()
                                .orElse(0));
        ArrayNode capabilities = model.putArray("capabilities");
        deployments.stream()
                .flatMap(d -> d.capabilities().stream())
                .distinct()
                .sorted()
                .forEach(c -> capabilities.add(c.name().toLowerCase(Locale.ROOT)));
        ArrayNode servedBy = model.putArray("providers");
        for (Deployment d : deployments) {
            Provider p = providers.get(d.providerId());
            Price price = priceNow.get(d.id());
            ObjectNode entry = servedBy.addObject()
                    .put("provider", p.id().value())
                    .put("tier", d.tier().name().toLowerCase(Locale.ROOT))
                    .put("simulated", p.simulated())
                    .put("region", p.region())
                    .put("jurisdiction", p.jurisdiction())
                    .put("in_process", p.protocol() == ProtocolFamily.IN_PROCESS);
            entry.putObject("pricing")
                    .put("currency", price.currency().getCurrencyCode())
                    .put("input_per_million_tokens", perMillion(price.inputMicrosPerMTok()))
                    .put("cached_input_per_million_tokens", perMillion(price.cachedInputMicrosPerMTok()))
                    .put("output_per_million_tokens", perMillion(price.outputMicrosPerMTok()));
        }
        return model;
    }

    private static String perMillion(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
}
