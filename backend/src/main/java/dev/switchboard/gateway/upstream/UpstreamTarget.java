package dev.switchboard.gateway.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to call one upstream deployment.
 *
 * @param providerId the catalog id of the provider (for errors and logs)
 * @param family the protocol the provider speaks
 * @param baseUrl the provider's API root as the provider documents it: for OpenAI-compatible providers it
 *     includes the version path ({@code https://api.deepseek.com/v1}, {@code
 *     https://open.bigmodel.cn/api/paas/v4}); for Anthropic and Gemini it is the host ({@code
 *     https://api.anthropic.com}, {@code https://generativelanguage.googleapis.com}); for an in-process
 *     model it names the model ({@code in-process:all-minilm-l6-v2})
 * @param apiKey the upstream key; blank for keyless local servers (vLLM, Ollama)
 * @param upstreamModel the model id the upstream expects (for Doubao: the endpoint id {@code ep-...})
 * @param quirks the provider's documented deviations from its protocol family
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long to wait for the whole response (non-streaming), or for the first event and
 *     then between two events (streaming)
 */
public record UpstreamTarget(
        String providerId,
        ProtocolFamily family,
        URI baseUrl,
        String apiKey,
        String upstreamModel,
        Quirks quirks,
        Duration connectTimeout,
        Duration readTimeout) {

    public UpstreamTarget {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (family != ProtocolFamily.IN_PROCESS
                && !"http".equals(baseUrl.getScheme())
                && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL: " + baseUrl);
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        apiKey = apiKey == null ? "" : apiKey;
        quirks = quirks == null ? Quirks.NONE : quirks;
    }

    public boolean hasApiKey() {
        return !apiKey.isBlank();
    }

    /** {@code baseUrl} joined with a path, keeping the base's own path ({@code /v1} + {@code /chat/completions}). */
    URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** Never prints the key: targets end up in logs and exception messages. */
    @Override
    public String toString() {
        return "UpstreamTarget[providerId=%s, family=%s, baseUrl=%s, apiKey=%s, upstreamModel=%s, quirks=%s, connectTimeout=%s, readTimeout=%s]"
                .formatted(
                        providerId,
                        family,
                        baseUrl,
                        hasApiKey() ? "***" : "(none)",
                        upstreamModel,
                        quirks.preset(),
                        connectTimeout,
                        readTimeout);
    }
}
