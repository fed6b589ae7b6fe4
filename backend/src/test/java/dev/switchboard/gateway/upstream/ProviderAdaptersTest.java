package dev.switchboard.gateway.upstream;

import static dev.switchboard.gateway.upstream.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderAdaptersTest {

    @Test
    void each_family_has_its_adapter_and_calls_go_to_the_targets_family() {
        var adapters = new ProviderAdapters(FakeUpstream.JSON, Fixtures.CLOCK);
        try (var fake = FakeUpstream.start()) {
            for (ProtocolFamily family : ProtocolFamily.values()) {
                assertThat(adapters.forFamily(family).family()).isEqualTo(family);
            }
            fake.reply(json(200, """
                    {"id":"m","type":"message","role":"assistant","model":"claude","content":[{"type":"text","text":"ok"}],
                     "stop_reason":"end_turn","usage":{"input_tokens":3,"output_tokens":1}}"""));
            var target = Fixtures.target(
                    fake.baseUrl(""), ProtocolFamily.ANTHROPIC, "claude", Quirks.forPreset("anthropic"), "k");

            ChatResult result =
                    adapters.chat(target, Fixtures.json("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));

            assertThat(fake.request().path()).isEqualTo("/v1/messages");
            assertThat(result.response()
                            .path("choices")
                            .path(0)
                            .path("message")
                            .path("content")
                            .asString())
                    .isEqualTo("ok");
        } finally {
            adapters.destroy();
        }
    }
}
