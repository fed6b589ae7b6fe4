package dev.switchboard.simulator;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP face of the simulated providers, {@code /simulated/{providerId}/...}: routes each call to
 * the protocol the provider speaks. A path the provider's protocol does not have (say {@code
 * /v1/messages} on an OpenAI-compatible one) gets that protocol's 404, as the real upstream answers.
 */
@RestController
@Hidden // a stand-in for outside services, not part of Switchboard's REST API
@ConditionalOnSimulator
@RequestMapping("/simulated/{providerId}")
class SimulatorController {

    private final SimulatedProviders providers;
    private final OpenAiSimulator openAi;
    private final AnthropicSimulator anthropic;

    SimulatorController(SimulatedProviders providers, OpenAiSimulator openAi, AnthropicSimulator anthropic) {
        this.providers = providers;
        this.openAi = openAi;
        this.anthropic = anthropic;
    }

    @PostMapping("/v1/chat/completions")
    void chatCompletions(
            @PathVariable String providerId,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Optional<SimulatedProvider> provider = openAiProvider(providerId);
        if (provider.isPresent()) {
            openAi.chatCompletions(provider.get(), request, body, response);
        } else {
            notFound(providerId, openAi, request, response);
        }
    }

    @PostMapping("/v1/embeddings")
    void embeddings(
            @PathVariable String providerId,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Optional<SimulatedProvider> provider = openAiProvider(providerId);
        if (provider.isPresent()) {
            openAi.embeddings(provider.get(), request, body, response);
        } else {
            notFound(providerId, openAi, request, response);
        }
    }

    @PostMapping("/v1/messages")
    void messages(
            @PathVariable String providerId,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Optional<SimulatedProvider> provider =
                providers.find(providerId).filter(p -> p.protocol() == SimulatedProtocol.ANTHROPIC);
        if (provider.isPresent()) {
            anthropic.messages(provider.get(), request, body, response);
        } else {
            notFound(providerId, anthropic, request, response);
        }
    }

    @GetMapping("/v1/models")
    void models(@PathVariable String providerId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<SimulatedProvider> provider = providers.find(providerId);
        if (provider.isPresent()) {
            simulatorOf(provider.get()).models(provider.get(), request, response);
        } else {
            openAi.notFound(request, response);
        }
    }

    @RequestMapping("/**")
    void unknownPath(@PathVariable String providerId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        notFound(providerId, openAi, request, response);
    }

    private Optional<SimulatedProvider> openAiProvider(String providerId) {
        return providers.find(providerId).filter(p -> p.protocol() == SimulatedProtocol.OPENAI);
    }

    /** In the provider's own error shape when the provider exists, else in the endpoint's. */
    private void notFound(
            String providerId,
            ProtocolSimulator endpointDefault,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ProtocolSimulator simulator =
                providers.find(providerId).map(this::simulatorOf).orElse(endpointDefault);
        simulator.notFound(request, response);
    }

    private ProtocolSimulator simulatorOf(SimulatedProvider provider) {
        return switch (provider.protocol()) {
            case OPENAI -> openAi;
            case ANTHROPIC -> anthropic;
        };
    }
}
