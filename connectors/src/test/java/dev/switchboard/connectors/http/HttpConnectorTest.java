package dev.switchboard.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connectors.ActionCall;
import dev.switchboard.connectors.ActionResult;
import dev.switchboard.connectors.ConnectorException;
import dev.switchboard.connectors.ConnectorException.Kind;
import dev.switchboard.connectors.SecretResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP connector over real HTTP against a local server: requests, auth, responses and failures. */
class HttpConnectorTest {

    /** Reads decimals as the connector does, so bodies compare equal node for node. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static final Map<String, String> SECRETS =
            Map.of("crm-token", "tok-123", "crm-password", "s3cret:pw", "crm-key", "key-456");
    static final SecretResolver SECRET_STORE = name -> Optional.ofNullable(SECRETS.get(name));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    final LocalServer server = new LocalServer();
    final CountDownLatch release = new CountDownLatch(1);
    HttpConnector connector = connector(HttpConnectorSettings.DEFAULTS);

    HttpConnector connector(HttpConnectorSettings settings) {
        return new HttpConnector(HttpEgressPolicy.defaults().allowing("127.0.0.1"), SECRET_STORE, settings, CLOCK);
    }

    @AfterEach
    void stop() {
        release.countDown();
        connector.close();
        server.close();
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    JsonNode call(String inputJson) {
        return connector.invoke(ActionCall.of("request", json(inputJson))).output();
    }

    ConnectorException failure(String inputJson) {
        try {
            call(inputJson);
        } catch (ConnectorException e) {
            return e;
        }
        throw new AssertionError("the call succeeded but should have failed");
    }

    String okJson() {
        server.on("/", ex -> LocalServer.respond(ex, 200, "application/json", "{\"ok\":true}"));
        return server.url("");
    }

    @Test
    void get_sends_query_parameters_and_headers() {
        String base = okJson();

        JsonNode output = call("""
                {"url": "%s/contacts?active=true",
                 "query": {"q": "Ada Lovelace & co", "tag": ["a", "b"], "limit": 10},
                 "headers": {"Accept": "application/json", "X-Trace": 42}}
                """.formatted(base));

        LocalServer.Received request = server.last();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri().getPath()).isEqualTo("/contacts");
        assertThat(LocalServer.queryOf(request.uri()))
                .containsExactly(
                        Map.entry("active", "true"),
                        Map.entry("q", "Ada Lovelace & co"),
                        Map.entry("tag", "a,b"),
                        Map.entry("limit", "10"));
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("X-Trace")).isEqualTo("42");
        assertThat(request.header("Idempotency-Key")).isNull();
        assertThat(output.get("status").asInt()).isEqualTo(200);
        assertThat(output.get("body").get("ok").asBoolean()).isTrue();
    }

    @Test
    void post_round_trips_a_json_body_and_sends_the_idempotency_key() {
        // the recorder has read the body already, so echo what it saw
        server.on(
                "/orders",
                ex -> LocalServer.respond(
                        ex, 201, "application/json", server.last().body()));
        JsonNode input = json("""
                {"method": "post", "url": "%s",
                 "body": {"customer": "ACME", "items": [{"sku": "X-1", "qty": 2}], "total": 19.99}}
                """.formatted(server.url("/orders")));

        ActionResult result = connector.invoke(new ActionCall("request", input, "run-7/step-3", null));

        LocalServer.Received request = server.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Idempotency-Key")).isEqualTo("run-7/step-3");
        assertThat(json(request.bodyText())).isEqualTo(input.get("body"));
        assertThat(result.output().get("status").asInt()).isEqualTo(201);
        assertThat(result.output().get("body")).isEqualTo(input.get("body"));
        assertThat(result.output().get("body").get("total").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(result.duration()).isPositive();
    }

    @Test
    void a_get_never_carries_the_idempotency_key() {
        String base = okJson();

        connector.invoke(new ActionCall("request", json("{\"url\":\"" + base + "/x\"}"), "run-7/step-3", null));

        assertThat(server.last().header("Idempotency-Key")).isNull();
    }

    @Test
    void a_string_body_goes_as_text_unless_a_content_type_is_given() {
        String base = okJson();

        call("{\"method\":\"PUT\",\"url\":\"" + base + "/notes\",\"body\":\"héllo\"}");
        LocalServer.Received plain = server.last();
        call("{\"method\":\"PATCH\",\"url\":\"" + base + "/notes\",\"body\":\"a=1&b=2\","
                + "\"headers\":{\"Content-Type\":\"application/x-www-form-urlencoded\"}}");
        LocalServer.Received form = server.last();

        assertThat(plain.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(plain.bodyText()).isEqualTo("héllo");
        assertThat(form.method()).isEqualTo("PATCH");
        assertThat(form.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form.bodyText()).isEqualTo("a=1&b=2");
    }

    @Test
    void bearer_basic_and_api_key_auth_come_from_named_secrets() {
        String base = okJson();

        call("{\"url\":\"" + base + "/a\",\"auth\":{\"type\":\"bearer\",\"secret\":\"crm-token\"}}");
        String bearer = server.last().header("Authorization");
        call("{\"url\":\"" + base
                + "/b\",\"auth\":{\"type\":\"basic\",\"username\":\"ada\",\"secret\":\"crm-password\"}}");
        String basic = server.last().header("Authorization");
        call("{\"url\":\"" + base
                + "/c\",\"auth\":{\"type\":\"api_key\",\"header\":\"X-Api-Key\",\"secret\":\"crm-key\"}}");
        LocalServer.Received apiKey = server.last();

        assertThat(bearer).isEqualTo("Bearer tok-123");
        assertThat(basic).startsWith("Basic ");
        assertThat(new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8))
                .isEqualTo("ada:s3cret:pw");
        assertThat(apiKey.header("X-Api-Key")).isEqualTo("key-456");
        assertThat(apiKey.header("Authorization")).isNull();
    }

    @Test
    void an_unknown_secret_is_refused_before_any_request_goes_out() {
        String base = okJson();

        ConnectorException e = failure(
                "{\"method\":\"POST\",\"url\":\"" + base + "/a\",\"auth\":{\"type\":\"bearer\",\"secret\":\"nope\"}}");

        assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(e.field()).contains("auth.secret");
        assertThat(e.getMessage()).contains("'nope'");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void json_responses_are_parsed_and_anything_else_stays_text() {
        server.on("/json", ex -> LocalServer.respond(ex, 200, "application/problem+json", "{\"title\":\"fine\"}"));
        server.on(
                "/text",
                ex -> LocalServer.respond(
                        ex,
                        200,
                        "text/plain; charset=ISO-8859-1",
                        "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1),
                        "X-Request-Id",
                        "r-1",
                        "Set-Cookie",
                        "a=1",
                        "Set-Cookie",
                        "b=2"));
        server.on("/empty", ex -> LocalServer.respond(ex, 204, "application/json", ""));

        JsonNode json = call("{\"url\":\"" + server.url("/json") + "\"}");
        JsonNode text = call("{\"url\":\"" + server.url("/text") + "\"}");
        JsonNode empty = call("{\"url\":\"" + server.url("/empty") + "\"}");

        assertThat(json.get("body").get("title").asString()).isEqualTo("fine");
        assertThat(json.get("truncated").asBoolean()).isFalse();
        assertThat(text.get("body").isString()).isTrue();
        assertThat(text.get("body").asString()).isEqualTo("café");
        assertThat(text.get("headers").get("x-request-id").asString()).isEqualTo("r-1");
        assertThat(text.get("headers").get("set-cookie").asString()).isEqualTo("a=1, b=2");
        assertThat(text.get("headers").get("content-type").asString()).startsWith("text/plain");
        assertThat(empty.get("status").asInt()).isEqualTo(204);
        assertThat(empty.get("body").isNull()).isTrue();
    }

    @Test
    void head_answers_headers_without_body() {
        String base = okJson();

        JsonNode output = call("{\"method\":\"HEAD\",\"url\":\"" + base + "/h\"}");

        assertThat(server.last().method()).isEqualTo("HEAD");
        assertThat(output.get("status").asInt()).isEqualTo(200);
        assertThat(output.get("body").isNull()).isTrue();
    }

    @Test
    void a_server_error_is_a_retryable_upstream_failure_with_status_and_excerpt() {
        server.on("/", ex -> LocalServer.respond(ex, 500, "text/plain", "database on fire\n  please hold"));

        ConnectorException e = failure("{\"url\":\"" + server.url("/orders?secret=x") + "\"}");

        assertThat(e.kind()).isEqualTo(Kind.UPSTREAM);
        assertThat(e.retryable()).isTrue();
        assertThat(e.status()).hasValue(500);
        assertThat(e.getMessage())
                .contains(
                        "GET http://127.0.0.1:" + server.port() + "/orders answered 500: database on fire please hold")
                .doesNotContain("secret=x");
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void too_many_requests_is_retryable_and_carries_retry_after_in_seconds_or_as_a_date() {
        server.on("/seconds", ex -> LocalServer.respond(ex, 429, "application/json", "{}", "Retry-After", "7"));
        server.on(
                "/date",
                ex -> LocalServer.respond(
                        ex, 503, "text/plain", "busy", "Retry-After", "Sat, 28 Nov 2026 10:01:30 GMT"));

        ConnectorException seconds = failure("{\"url\":\"" + server.url("/seconds") + "\"}");
        ConnectorException date = failure("{\"url\":\"" + server.url("/date") + "\"}");

        assertThat(seconds.kind()).isEqualTo(Kind.UPSTREAM);
        assertThat(seconds.retryable()).isTrue();
        assertThat(seconds.status()).hasValue(429);
        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(date.status()).hasValue(503);
        assertThat(date.retryAfter()).contains(Duration.ofSeconds(90));
    }

    @Test
    void not_found_is_a_rejection_that_is_not_retried() {
        server.on("/", ex -> LocalServer.respond(ex, 404, "application/json", "{\"error\":\"no such contact\"}"));

        ConnectorException e = failure("{\"url\":\"" + server.url("/contacts/9") + "\"}");

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.status()).hasValue(404);
        assertThat(e.getMessage()).contains("answered 404").contains("no such contact");
    }

    @Test
    void expected_statuses_replace_the_2xx_rule() {
        server.on("/missing", ex -> LocalServer.respond(ex, 404, "application/json", "{\"found\":false}"));
        server.on("/fine", ex -> LocalServer.respond(ex, 200, "application/json", "{}"));

        JsonNode missing = call("{\"url\":\"" + server.url("/missing") + "\",\"expectStatus\":[200,404]}");
        ConnectorException fine = failure("{\"url\":\"" + server.url("/fine") + "\",\"expectStatus\":[201]}");

        assertThat(missing.get("status").asInt()).isEqualTo(404);
        assertThat(missing.get("body").get("found").asBoolean()).isFalse();
        assertThat(fine.kind()).isEqualTo(Kind.REJECTED);
        assertThat(fine.status()).hasValue(200);
    }

    @Test
    void a_slow_server_times_out_and_the_timeout_is_retryable() {
        server.on("/slow", ex -> {
            await(release);
            LocalServer.respond(ex, 200, "text/plain", "too late");
        });

        ConnectorException e = failure("{\"url\":\"" + server.url("/slow") + "\",\"timeoutMs\":300}");

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("300 ms");
    }

    @Test
    void the_callers_timeout_bounds_the_call_when_shorter() {
        server.on("/slow", ex -> {
            await(release);
            LocalServer.respond(ex, 200, "text/plain", "too late");
        });
        JsonNode input = json("{\"url\":\"" + server.url("/slow") + "\",\"timeoutMs\":60000}");

        assertThatThrownBy(() -> connector.invoke(new ActionCall("request", input, null, Duration.ofMillis(250))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.getMessage()).contains("250 ms");
                });
    }

    @Test
    void a_slow_body_after_quick_headers_still_times_out() {
        server.on("/trickle", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("first part".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            await(release);
        });

        ConnectorException e = failure("{\"url\":\"" + server.url("/trickle") + "\",\"timeoutMs\":400}");

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void a_text_response_over_the_limit_is_cut_at_the_limit_and_marked_truncated() {
        connector = connector(HttpConnectorSettings.DEFAULTS.withMaxResponseBytes(1000));
        server.on("/big", ex -> LocalServer.respond(ex, 200, "text/html", "x".repeat(5000)));
        server.on("/exact", ex -> LocalServer.respond(ex, 200, "text/html", "y".repeat(1000)));

        JsonNode big = call("{\"url\":\"" + server.url("/big") + "\"}");
        JsonNode exact = call("{\"url\":\"" + server.url("/exact") + "\"}");

        assertThat(big.get("truncated").asBoolean()).isTrue();
        assertThat(big.get("body").asString()).isEqualTo("x".repeat(1000));
        assertThat(exact.get("truncated").asBoolean()).isFalse();
        assertThat(exact.get("body").asString()).hasSize(1000);
    }

    @Test
    void a_json_response_over_the_limit_is_rejected_since_cut_json_is_not_json() {
        connector = connector(HttpConnectorSettings.DEFAULTS.withMaxResponseBytes(1000));
        server.on(
                "/",
                ex -> LocalServer.respond(ex, 200, "application/json", "[" + "\"item\",".repeat(500) + "\"last\"]"));

        ConnectorException e = failure("{\"url\":\"" + server.url("/list") + "\"}");

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("larger than the limit of 1000 bytes");
    }

    @Test
    void a_refused_connection_is_a_retryable_upstream_failure() {
        String url;
        try (LocalServer gone = new LocalServer()) {
            url = gone.url("/x");
        }

        ConnectorException e = failure("{\"url\":\"" + url + "\",\"timeoutMs\":5000}");

        assertThat(e.kind()).isIn(Kind.UPSTREAM);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("cannot connect");
    }

    @Test
    void parallel_calls_to_one_host_each_get_a_connection_instead_of_queueing_for_one() throws Exception {
        int calls = 8; // more than Apache's default of 5 connections per host
        CountDownLatch arrived = new CountDownLatch(calls);
        server.on("/together", ex -> {
            arrived.countDown();
            await(arrived); // answers only once every call is in
            LocalServer.respond(ex, 200, "text/plain", "all here");
        });
        String input = "{\"url\":\"" + server.url("/together") + "\",\"timeoutMs\":5000}";

        List<String> outcomes = new ArrayList<>();
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                results.add(parallel.submit(() -> {
                    try {
                        return call(input).get("body").asString();
                    } catch (ConnectorException e) {
                        return e.kind() + ": " + e.getMessage();
                    }
                }));
            }
            for (Future<String> result : results) {
                outcomes.add(result.get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(outcomes).hasSize(calls).containsOnly("all here");
    }

    @Test
    void a_connect_that_hangs_ends_at_the_calls_timeout_not_at_the_longer_connect_timeout() throws IOException {
        connector = connector(new HttpConnectorSettings(
                1024 * 1024, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(30), 3));
        try (Unanswered unanswered = new Unanswered()) {
            long started = System.nanoTime();
            ConnectorException e = failure("{\"url\":\"" + unanswered.url() + "\",\"timeoutMs\":1000}");

            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.getMessage()).contains("1000 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    /**
     * A loopback port whose accept queue is full: the kernel drops further connection attempts, so a
     * connect to it hangs until the client gives up.
     */
    static final class Unanswered implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final List<Socket> queued = new ArrayList<>();

        Unanswered() throws IOException {
            for (int i = 0; i < 10; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(listener.getLocalSocketAddress(), 200);
                    queued.add(socket);
                } catch (SocketTimeoutException e) {
                    socket.close();
                    return; // full: this attempt was dropped
                }
            }
            close();
            throw new IllegalStateException("the accept queue of " + listener + " never filled up");
        }

        String url() {
            return "http://127.0.0.1:" + listener.getLocalPort() + "/x";
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : queued) {
                socket.close();
            }
            listener.close();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
