package dev.switchboard.simulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Anthropic provider: the Messages API (plain and streamed) and the model list, with Anthropic's
 * {@code x-api-key} and {@code anthropic-version} checks and error shape ({@code {"type": "error",
 * "error": {"type", "message"}, "request_id"}}).
 */
@Component
@ConditionalOnSimulator
final class AnthropicSimulator extends ProtocolSimulator {

    private static final String CREATED_AT = "2026-01-01T00:00:00Z";

    AnthropicSimulator(Collaborators collaborators) {
        super(collaborators);
    }

    void messages(SimulatedProvider provider, HttpServletRequest request, byte[] body, HttpServletResponse response)
            throws IOException {
        call(provider, request, body, response, (root, plan) -> {
            ChatRequest chat = AnthropicRequests.parse(root, provider);
            Completion completion = generator.complete(provider.id(), chat);
            var wire = new AnthropicWire(json, id("msg_01"), chat.model());
            if (root.path("stream").asBoolean(false)) {
                player.stream(response, provider, plan, wire.events(completion));
            } else {
                player.body(response, provider, plan, completion.usage().completionTokens(), wire.message(completion));
            }
        });
    }

    @Override
    void models(SimulatedProvider provider, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ObjectNode list = json.createObjectNode();
        ArrayNode data = list.putArray("data");
        for (String model : provider.models()) {
            data.addObject()
                    .put("type", "model")
                    .put("id", model)
                    .put("display_name", model + " (simulated)")
                    .put("created_at", CREATED_AT);
        }
        list.put("has_more", false);
        list.put("first_id", provider.models().getFirst());
        list.put("last_id", provider.models().getLast());
        read(request, response, json.writeValueAsBytes(list));
    }

    @Override
    protected void authenticate(HttpServletRequest request) {
        String key = request.getHeader("x-api-key");
        if (key == null || key.isBlank()) {
            throw new SimulatedFailure(SimulatedFailure.Kind.AUTHENTICATION, "x-api-key header is required", null);
        }
        String version = request.getHeader("anthropic-version");
        if (version == null || version.isBlank()) {
            throw SimulatedFailure.invalid("anthropic-version: header is required");
        }
    }

    @Override
    protected byte[] errorBody(SimulatedFailure failure, String requestId) {
        ObjectNode root = json.createObjectNode().put("type", "error");
        root.putObject("error")
                .put(
                        "type",
                        switch (failure.kind()) {
                            case INVALID_REQUEST -> "invalid_request_error";
                            case AUTHENTICATION -> "authentication_error";
                            case NOT_FOUND -> "not_found_error";
                            case RATE_LIMITED -> "rate_limit_error";
                            case SERVER_ERROR -> "api_error";
                            case UNAVAILABLE -> "overloaded_error";
                            case TIMEOUT -> "timeout_error";
                        })
                .put("message", failure.getMessage());
        root.put("request_id", requestId);
        return json.writeValueAsBytes(root);
    }

    @Override
    protected String requestIdHeader() {
        return "request-id";
    }

    @Override
    protected String notFoundMessage(HttpServletRequest request) {
        return "Not Found";
    }

    @Override
    protected String unreadableBodyMessage() {
        return "There was an issue with your request body: it is not valid JSON.";
    }
}
