package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.gateway.routing.Capability;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChatRequestsTest {

    final JsonMapper json = JsonMapper.builder().build();

    ChatRequests.Inspected inspect(String body) {
        return ChatRequests.inspect(json.readTree(body));
    }

    void assertInvalid(String body, String param, String messagePart) {
        assertThatThrownBy(() -> inspect(body))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo(param);
                })
                .hasMessageContaining(messagePart);
    }

    @Test
    void reads_model_stream_and_max_tokens() {
        var inspected = inspect("""
                {"model":"sim-chat","stream":true,"max_tokens":64,"messages":[{"role":"user","content":"hi"}]}""");

        assertThat(inspected.model()).isEqualTo("sim-chat");
        assertThat(inspected.stream()).isTrue();
        assertThat(inspected.maxTokens()).isEqualTo(64);
        assertThat(inspected.needs()).containsExactly(Capability.STREAMING);
    }

    @Test
    void max_completion_tokens_wins_over_the_legacy_max_tokens() {
        assertThat(inspect("""
                        {"model":"m","max_tokens":64,"max_completion_tokens":32,"messages":[{"role":"user","content":"hi"}]}""").maxTokens()).isEqualTo(32);
    }

    @Test
    void tools_images_and_json_output_become_needs() {
        var inspected = inspect("""
                {"model":"m","response_format":{"type":"json_object"},
                 "tools":[{"type":"function","function":{"name":"lookup"}}],
                 "messages":[{"role":"user","content":[{"type":"text","text":"?"},
                   {"type":"image_url","image_url":{"url":"data:image/png;base64,AA"}}]}]}""");

        assertThat(inspected.needs()).containsExactlyInAnyOrder(Capability.TOOLS, Capability.VISION, Capability.JSON);
    }

    @Test
    void an_assistant_message_with_tool_calls_may_have_null_content() {
        inspect("""
                {"model":"m","messages":[{"role":"user","content":"x"},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function",
                  "function":{"name":"f","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"c1","content":"42"}]}""");
    }

    @Test
    void refuses_what_no_provider_could_serve_naming_the_field() {
        assertInvalid("[1,2]", null, "must be a JSON object");
        assertInvalid("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "model", "'model' is required");
        assertInvalid("{\"model\":\"m\",\"messages\":[]}", "messages", "non-empty array");
        assertInvalid(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}",
                "messages[0].role",
                "got 'wizard'");
        assertInvalid(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":42}]}",
                "messages[0].content",
                "string or an array");
        assertInvalid(
                "{\"model\":\"m\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "max_tokens",
                "positive integer");
        assertInvalid(
                "{\"model\":\"m\",\"temperature\":3,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "temperature",
                "between 0 and 2");
        assertInvalid(
                "{\"model\":\"m\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "stream",
                "true or false");
        assertInvalid(
                "{\"model\":\"m\",\"tools\":[{\"type\":\"function\"}],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "tools[0].function.name",
                "function.name");
    }
}
