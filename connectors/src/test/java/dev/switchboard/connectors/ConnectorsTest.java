package dev.switchboard.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class ConnectorsTest {

    /** A connector that echoes its input; enough to exercise the registry and the SPI's defaults. */
    record Echo(String type) implements Connector {
        @Override
        public String title() {
            return "Echo " + type;
        }

        @Override
        public List<ConnectorAction> actions() {
            var schema = JsonNodeFactory.instance.objectNode().put("type", "object");
            return List.of(new ConnectorAction("echo", "Answers with its input", schema, schema));
        }

        @Override
        public ActionResult invoke(ActionCall call) {
            return new ActionResult(call.input(), Duration.ZERO);
        }
    }

    @Test
    void finds_a_connector_by_type_and_lists_all_in_order() {
        Connectors connectors = Connectors.of(new Echo("http"), new Echo("email"));

        assertThat(connectors.find("email")).get().extracting(Connector::title).isEqualTo("Echo email");
        assertThat(connectors.find("slack")).isEmpty();
        assertThat(connectors.find(null)).isEmpty();
        assertThat(connectors.all()).extracting(Connector::type).containsExactly("http", "email");
    }

    @Test
    void refuses_two_connectors_of_the_same_type() {
        assertThatThrownBy(() -> Connectors.of(new Echo("http"), new Echo("email"), new Echo("http")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two connectors of type 'http'");
    }

    @Test
    void refuses_a_connector_without_type() {
        assertThatThrownBy(() -> Connectors.of(new Echo(" "))).hasMessageContaining("has no type");
    }

    @Test
    void finds_an_action_by_name() {
        Echo echo = new Echo("echo");

        assertThat(echo.action("echo")).isPresent();
        assertThat(echo.action("shout")).isEmpty();
    }

    @Test
    void a_call_without_input_gets_an_empty_object() {
        ActionCall call = ActionCall.of("echo", null);

        assertThat(call.input().isObject()).isTrue();
        assertThat(call.input().isEmpty()).isTrue();
    }

    @Test
    void a_call_with_a_non_positive_timeout_is_invalid_input() {
        assertThatThrownBy(() -> new ActionCall("echo", null, "key-1", Duration.ZERO))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConnectorException.Kind.INVALID_INPUT);
                    assertThat(e.field()).contains("timeout");
                });
    }

    @Test
    void only_timeouts_and_upstream_failures_are_retryable() {
        assertThat(ConnectorException.timeout("slow", null).retryable()).isTrue();
        assertThat(ConnectorException.upstream("503", 503, Duration.ofSeconds(2), null)
                        .retryable())
                .isTrue();
        assertThat(ConnectorException.rejected("404", 404).retryable()).isFalse();
        assertThat(ConnectorException.forbidden("no").retryable()).isFalse();
        assertThat(ConnectorException.invalidInput("url", "is required").retryable())
                .isFalse();
    }

    @Test
    void invalid_input_names_the_field_first() {
        ConnectorException e = ConnectorException.invalidInput("headers.Accept", "must be a string");

        assertThat(e.getMessage()).isEqualTo("headers.Accept must be a string");
        assertThat(e.field()).contains("headers.Accept");
        assertThat(e.status()).isEmpty();
        assertThat(e.retryAfter()).isEmpty();
    }
}
