package dev.switchboard.gateway.upstream;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Shared test data: a fixed clock, targets pointing at a fake, a listener that records chunks. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Fixtures() {}

    static UpstreamTarget target(URI baseUrl, ProtocolFamily family, String model, Quirks quirks, String key) {
        return new UpstreamTarget(
                "test-" + quirks.preset(),
                family,
                baseUrl,
                key,
                model,
                quirks,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    static UpstreamTarget withReadTimeout(UpstreamTarget t, Duration readTimeout) {
        return new UpstreamTarget(
                t.providerId(),
                t.family(),
                t.baseUrl(),
                t.apiKey(),
                t.upstreamModel(),
                t.quirks(),
                t.connectTimeout(),
                readTimeout);
    }

    static ObjectNode json(String text) {
        return (ObjectNode) FakeUpstream.JSON.readTree(text);
    }

    /** A listener that keeps every chunk. */
    static final class Chunks implements ChatStreamListener {
        final List<ObjectNode> received = new ArrayList<>();

        @Override
        public void onChunk(ObjectNode chunk) {
            received.add(chunk);
        }

        /** The concatenated {@code delta.content} of choice 0. */
        String content() {
            return deltas("content");
        }

        String deltas(String field) {
            StringBuilder text = new StringBuilder();
            for (ObjectNode chunk : received) {
                JsonNode value = chunk.path("choices").path(0).path("delta").path(field);
                text.append(value.asString(""));
            }
            return text.toString();
        }

        List<String> finishReasons() {
            List<String> reasons = new ArrayList<>();
            for (ObjectNode chunk : received) {
                JsonNode reason = chunk.path("choices").path(0).path("finish_reason");
                if (reason.isString()) {
                    reasons.add(reason.asString(""));
                }
            }
            return reasons;
        }
    }
}
