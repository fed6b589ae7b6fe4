package dev.switchboard.ui.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConsoleRequestTest {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_plain_message_becomes_one_user_message_with_max_tokens_and_no_temperature() {
        JsonNode body = new ConsoleRequest(" sim-chat ", "  ", "Hi there", 64, null).toJson(json);

        assertThat(body.toString())
                .isEqualTo("{\"model\":\"sim-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi there\"}],"
                        + "\"max_tokens\":64}");
    }

    @Test
    void a_system_prompt_comes_first_and_a_temperature_is_sent_when_set() {
        JsonNode body = new ConsoleRequest("auto", "Be brief.", "Hi", 16, 0.5).toJson(json);

        assertThat(body.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asString()).isEqualTo("Be brief.");
        assertThat(body.path("messages").get(1).path("role").asString()).isEqualTo("user");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
    }
}
