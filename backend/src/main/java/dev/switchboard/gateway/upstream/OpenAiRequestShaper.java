package dev.switchboard.gateway.upstream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prepares an OpenAI request for one OpenAI-compatible provider: its model id, its {@link Quirks}, and the
 * streaming options usage accounting depends on. Everything else, unknown fields included, passes through.
 */
final class OpenAiRequestShaper {

    private final UpstreamErrors errors;

    OpenAiRequestShaper(UpstreamErrors errors) {
        this.errors = errors;
    }

    ObjectNode chat(UpstreamTarget target, ObjectNode request, boolean stream) {
        ObjectNode body = request.deepCopy();
        body.put("model", target.upstreamModel());
        Quirks quirks = target.quirks();
        renameMaxTokens(body, quirks.maxTokensField());
        limitChoices(target, body, quirks.maxChoices());
        clampTemperature(body, quirks);
        quirks.unsupportedFields().forEach(body::remove);
        if (stream) {
            body.put("stream", true);
            // Without include_usage most providers send no usage on streams, and the call would be charged
            // from a token estimate instead of the provider's count.
            JsonNode options = body.path("stream_options");
            ObjectNode streamOptions = options.isObject() ? (ObjectNode) options : body.putObject("stream_options");
            streamOptions.put("include_usage", true);
        } else {
            body.remove("stream");
            body.remove("stream_options");
        }
        return body;
    }

    ObjectNode embedding(UpstreamTarget target, ObjectNode request) {
        ObjectNode body = request.deepCopy();
        body.put("model", target.upstreamModel());
        return body;
    }

    private static void renameMaxTokens(ObjectNode body, Quirks.MaxTokensField wanted) {
        String other = wanted == Quirks.MaxTokensField.MAX_TOKENS ? "max_completion_tokens" : "max_tokens";
        JsonNode value = body.remove(other);
        if (value != null && !body.has(wanted.json())) {
            body.set(wanted.json(), value);
        }
    }

    private void limitChoices(UpstreamTarget target, ObjectNode body, int maxChoices) {
        int n = body.path("n").asInt(1);
        if (n > maxChoices) {
            throw errors.unsupported(
                    target,
                    "provider " + target.providerId() + " (" + target.quirks().preset() + ") returns at most "
                            + maxChoices + " choice(s); n=" + n + " was asked for");
        }
        if (maxChoices == 1) {
            // Providers without n may reject even n=1; one choice is what they return anyway.
            body.remove("n");
        }
    }

    private static void clampTemperature(ObjectNode body, Quirks quirks) {
        JsonNode temperature = body.path("temperature");
        if (!temperature.isNumber()) {
            return;
        }
        double value = temperature.asDouble();
        if (quirks.minTemperature() != null && value < quirks.minTemperature()) {
            body.put("temperature", quirks.minTemperature());
        } else if (quirks.maxTemperature() != null && value > quirks.maxTemperature()) {
            body.put("temperature", quirks.maxTemperature());
        }
    }
}
