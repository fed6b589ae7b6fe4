package dev.switchboard.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connectors.ActionCall;
import dev.switchboard.connectors.ConnectorException;
import dev.switchboard.connectors.ConnectorException.Kind;
import dev.switchboard.connectors.SecretResolver;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the HTTP connector refuses: destinations outside the egress policy, redirects there, bad input. */
class HttpConnectorGuardTest {

    static final SecretResolver SECRETS = name -> name.equals("crm-token") ? Optional.of("tok-123") : Optional.empty();

    final LocalServer server = new LocalServer();
    final LocalServer other = new LocalServer();
    final HttpConnector allowingLocal =
            new HttpConnector(HttpEgressPolicy.defaults().allowing("127.0.0.1"), SECRETS);

    @AfterEach
    void stop() {
        allowingLocal.close();
        server.close();
        other.close();
    }

    static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    static ConnectorException failure(HttpConnector connector, String inputJson) {
        try {
            connector.invoke(ActionCall.of("request", json(inputJson)));
        } catch (ConnectorException e) {
            return e;
        }
        throw new AssertionError("the call succeeded but should have failed");
    }

    @Test
    void loopback_is_refused_by_the_default_policy_without_a_request() {
        server.on("/", ex -> LocalServer.respond(ex, 200, "text/plain", "internal admin"));

        try (HttpConnector defaults = new HttpConnector(HttpEgressPolicy.defaults(), SECRETS)) {
            ConnectorException e = failure(defaults, "{\"url\":\"" + server.url("/admin") + "\"}");

            assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("loopback");
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a_name_that_answers_dns_with_an_internal_address_at_connect_time_is_refused_dns_rebinding() throws Exception {
        server.on("/", ex -> LocalServer.respond(ex, 200, "text/plain", "internal admin"));
        InetAddress publicAddress = InetAddress.getByName("93.184.216.34");
        AtomicInteger lookups = new AtomicInteger();
        // the attacker's DNS: a public address for the first lookup (the URL check), then loopback
        HttpEgressPolicy.Resolver rebinding = host -> host.equals("rebind.example")
                ? new InetAddress[] {lookups.getAndIncrement() == 0 ? publicAddress : InetAddress.getLoopbackAddress()}
                : InetAddress.getAllByName(host);

        try (HttpConnector connector = new HttpConnector(
                HttpEgressPolicy.defaults(), SECRETS, HttpConnectorSettings.DEFAULTS, Clock.systemUTC(), rebinding)) {
            ConnectorException e =
                    failure(connector, "{\"url\":\"http://rebind.example:" + server.port() + "/admin\"}");

            assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
            assertThat(e.getMessage()).contains("rebind.example resolves to a loopback address");
        }
        assertThat(lookups).hasValue(2);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void loopback_is_reached_when_the_policy_lists_it() {
        server.on("/", ex -> LocalServer.respond(ex, 200, "text/plain", "hello"));

        JsonNode output = allowingLocal
                .invoke(ActionCall.of("request", json("{\"url\":\"" + server.url("/hi") + "\"}")))
                .output();

        assertThat(output.get("body").asString()).isEqualTo("hello");
    }

    @ParameterizedTest
    @CsvSource({
        "file:///etc/passwd, only http and https",
        "ftp://127.0.0.1/pub/file.txt, only http and https",
        "http://10.20.30.40/internal, private address 10.20.30.40",
        "http://169.254.169.254/latest/meta-data/, link-local address 169.254.169.254",
        "http://[fd12::1]/, reserved or private address"
    })
    void refuses_destinations_outside_the_policy(String url, String reason) {
        ConnectorException e = failure(allowingLocal, "{\"url\":\"" + url + "\"}");

        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(e.getMessage()).contains(reason);
    }

    @Test
    void a_redirect_to_a_denied_host_is_refused() {
        server.redirecting("/", 302, "http://169.254.169.254/latest/meta-data/iam");

        ConnectorException e = failure(allowingLocal, "{\"url\":\"" + server.url("/start") + "\"}");

        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(e.getMessage()).contains("169.254.169.254");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void a_redirect_to_a_host_on_the_deny_list_is_refused_even_though_the_start_was_allowed() {
        other.on("/", ex -> LocalServer.respond(ex, 200, "text/plain", "should not be reached"));
        server.redirecting("/", 307, other.url("/secret").replace("127.0.0.1", "localhost"));
        try (HttpConnector connector = new HttpConnector(
                HttpEgressPolicy.defaults().allowing("127.0.0.1").denying("localhost"), SECRETS)) {
            ConnectorException e = failure(connector, "{\"url\":\"" + server.url("/start") + "\"}");

            assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
            assertThat(e.getMessage()).contains("deny list");
        }
        assertThat(other.received()).isEmpty();
    }

    @Test
    void a_see_other_after_post_continues_as_get_and_credentials_stay_with_their_origin() {
        other.on("/", ex -> LocalServer.respond(ex, 200, "application/json", "{\"done\":true}"));
        server.redirecting("/", 303, other.url("/result/1"));

        JsonNode output = allowingLocal
                .invoke(ActionCall.of("request", json("""
                        {"method": "POST", "url": "%s", "body": {"a": 1},
                         "auth": {"type": "bearer", "secret": "crm-token"}}
                        """.formatted(server.url("/jobs")))))
                .output();

        assertThat(server.last().method()).isEqualTo("POST");
        assertThat(server.last().header("Authorization")).isEqualTo("Bearer tok-123");
        assertThat(other.last().method()).isEqualTo("GET");
        assertThat(other.last().body()).isEmpty();
        assertThat(other.last().header("Authorization")).isNull();
        assertThat(output.get("url").asString()).isEqualTo(other.url("/result/1"));
        assertThat(output.get("body").get("done").asBoolean()).isTrue();
    }

    @Test
    void a_redirect_within_the_origin_keeps_method_body_and_credentials_for_307() {
        server.on("/new", ex -> LocalServer.respond(ex, 200, "text/plain", "ok"));
        server.redirecting("/old", 307, "/new");

        allowingLocal.invoke(ActionCall.of("request", json("""
                {"method": "PUT", "url": "%s", "body": "v2", "auth": {"type": "bearer", "secret": "crm-token"}}
                """.formatted(server.url("/old")))));

        LocalServer.Received followed = server.last();
        assertThat(followed.uri().getPath()).isEqualTo("/new");
        assertThat(followed.method()).isEqualTo("PUT");
        assertThat(followed.bodyText()).isEqualTo("v2");
        assertThat(followed.header("Authorization")).isEqualTo("Bearer tok-123");
    }

    @Test
    void a_redirect_loop_stops_after_the_limit() {
        server.redirecting("/", 302, "/again");

        ConnectorException e = failure(allowingLocal, "{\"url\":\"" + server.url("/loop") + "\"}");

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("redirected more than 3 times");
        assertThat(server.received()).hasSize(4);
    }

    @Test
    void an_expected_redirect_status_is_answered_instead_of_followed() {
        server.redirecting("/", 302, "http://10.0.0.1/");

        JsonNode output = allowingLocal
                .invoke(ActionCall.of("request", json("{\"url\":\"" + server.url("/r") + "\",\"expectStatus\":[302]}")))
                .output();

        assertThat(output.get("status").asInt()).isEqualTo(302);
        assertThat(output.get("headers").get("location").asString()).isEqualTo("http://10.0.0.1/");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                                         | url",
                "{\"url\": 42}                                              | url",
                "{\"url\": \"not a url\"}                                   | url",
                "{\"url\": \"https://user:pw@example.com/\"}                | url",
                "{\"url\": \"https://example.com\", \"method\": \"FETCH\"}  | method",
                "{\"url\": \"https://example.com\", \"headers\": [\"a\"]}   | headers",
                "{\"url\": \"https://example.com\", \"headers\": {\"X\": {}}} | headers.X",
                "{\"url\": \"https://example.com\", \"headers\": {\"Host\": \"a\"}} | headers.Host",
                "{\"url\": \"https://example.com\", \"headers\": {\"Authorization\": \"Bearer x\"}} | headers.Authorization",
                "{\"url\": \"https://example.com\", \"headers\": {\"X-A\": \"a\\r\\nX-B: b\"}} | headers.X-A",
                "{\"url\": \"https://example.com\", \"query\": {\"q\": {\"a\": 1}}} | query.q",
                "{\"url\": \"https://example.com\", \"body\": {\"a\": 1}}   | body",
                "{\"url\": \"https://example.com\", \"timeoutMs\": 0}      | timeoutMs",
                "{\"url\": \"https://example.com\", \"timeoutMs\": 999999999} | timeoutMs",
                "{\"url\": \"https://example.com\", \"expectStatus\": [200, 700]} | expectStatus[1]",
                "{\"url\": \"https://example.com\", \"auth\": {\"type\": \"oauth\"}} | auth.type",
                "{\"url\": \"https://example.com\", \"auth\": {\"type\": \"bearer\"}} | auth.secret",
                "{\"url\": \"https://example.com\", \"auth\": {\"type\": \"api_key\", \"secret\": \"crm-token\"}} | auth.header",
                "{\"url\": \"https://example.com\", \"header\": {}}          | header"
            })
    void invalid_input_is_refused_naming_the_field(String input, String field) {
        ConnectorException e = failure(allowingLocal, input);

        assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(e.retryable()).isFalse();
        assertThat(e.field()).contains(field);
        assertThat(e.getMessage()).startsWith(field + " ");
    }

    @Test
    void an_unknown_action_is_invalid_input() {
        assertThatThrownBy(() -> allowingLocal.invoke(ActionCall.of("download", json("{\"url\":\"https://x.org\"}"))))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.field()).contains("action"));
    }

    @Test
    void the_input_schema_lists_exactly_the_fields_the_connector_reads() {
        JsonNode schema = allowingLocal.action("request").orElseThrow().inputSchema();

        assertThat(schema.get("properties").propertyNames()).containsExactlyElementsOf(HttpRequestInput.FIELDS);
        assertThat(schema.get("required").values())
                .extracting(JsonNode::asString)
                .containsExactly("url");
        assertThat(schema.get("properties").get("method").get("enum").values())
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrderElementsOf(HttpRequestInput.METHODS);
        assertThat(allowingLocal.type()).isEqualTo("http");
        assertThat(allowingLocal.actions()).extracting(a -> a.name()).isEqualTo(List.of("request"));
    }
}
