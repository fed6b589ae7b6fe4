package dev.switchboard.connectors.http;

import dev.switchboard.connectors.ActionCall;
import dev.switchboard.connectors.ActionResult;
import dev.switchboard.connectors.Connector;
import dev.switchboard.connectors.ConnectorAction;
import dev.switchboard.connectors.ConnectorException;
import dev.switchboard.connectors.SecretResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic HTTP connector: one action, {@code request}, that calls any HTTP API the egress policy
 * allows. See the action's input schema for the fields.
 *
 * <p>Behaviour callers rely on:
 *
 * <ul>
 *   <li>success is a 2xx status, or one of {@code expectStatus} when given; anything else fails:
 *       408, 429 and 5xx as retryable {@code UPSTREAM} (carrying Retry-After), others as
 *       {@code REJECTED}, both with the status and an excerpt of the body;
 *   <li>a body with a JSON content type is parsed; any other body is text. Past
 *       {@link HttpConnectorSettings#maxResponseBytes()} a text body is cut and marked
 *       {@code truncated: true}, while a JSON body fails as {@code REJECTED};
 *   <li>redirects are followed up to {@link HttpConnectorSettings#maxRedirects()}, each hop checked
 *       against the egress policy; credentials from {@code auth} are not sent to another origin; a 303
 *       (and a 301/302 after POST) continues as GET without body, as browsers do;
 *   <li>the call's idempotency key goes out as {@code Idempotency-Key} on POST, PUT, PATCH and DELETE;
 *   <li>one attempt per call, never retried here: the workflow step's retry policy owns retries.
 * </ul>
 *
 * <p>Thread-safe; holds one JDK {@link HttpClient} (a connection pool), released by {@link #close()}.
 */
public final class HttpConnector implements Connector, AutoCloseable {

    public static final String TYPE = "http";
    public static final String REQUEST = "request";

    private static final JsonMapper JSON = JsonMapper.builder()
            // amounts in API answers must not lose digits on their way through a workflow
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final ConnectorAction REQUEST_ACTION = new ConnectorAction(
            REQUEST,
            "Calls an HTTP API: method, URL, headers, query parameters and a JSON or text body, with"
                    + " credentials taken from named secrets. Answers with the status, the response headers"
                    + " (lower-case names) and the body, parsed when it is JSON.",
            schema("request-input.schema.json"),
            schema("request-output.schema.json"));

    private final HttpEgressPolicy policy;
    private final SecretResolver secrets;
    private final HttpConnectorSettings settings;
    private final HttpResponses responses;
    private final HttpClient client;

    public HttpConnector(HttpEgressPolicy policy, SecretResolver secrets) {
        this(policy, secrets, HttpConnectorSettings.DEFAULTS, Clock.systemUTC());
    }

    /** @param clock reads the time for Retry-After given as a date */
    public HttpConnector(HttpEgressPolicy policy, SecretResolver secrets, HttpConnectorSettings settings, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.responses = new HttpResponses(JSON, clock);
        this.client = HttpClient.newBuilder()
                // redirects are followed here, by hand, so that every hop meets the egress policy
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "HTTP request";
    }

    @Override
    public List<ConnectorAction> actions() {
        return List.of(REQUEST_ACTION);
    }

    @Override
    public ActionResult invoke(ActionCall call) {
        // durations from the monotonic clock: wall-clock jumps must not cut or stretch a timeout
        long started = System.nanoTime();
        if (!call.action().equals(REQUEST)) {
            throw ConnectorException.invalidInput(
                    "action", "must be '" + REQUEST + "' for the http connector, was '" + call.action() + "'");
        }
        HttpRequestInput input = HttpRequestInput.parse(call.input(), settings, JSON);
        // secrets resolve before anything goes out, so an unknown one fails without a request
        Optional<HttpAuth.Header> auth = input.auth().header(secrets);
        Duration timeout = timeout(input, call);
        long deadline = started + timeout.toNanos();
        URI origin = input.url();
        URI url = input.url();
        String method = input.method();
        byte[] body = input.body();
        for (int hop = 0; ; hop++) {
            policy.check(url);
            boolean sameOrigin = sameOrigin(origin, url);
            HttpRequest request =
                    request(method, url, input, body, sameOrigin ? auth : Optional.empty(), call, deadline);
            HttpResponse<BoundedBody> response = send(request, deadline, timeout);
            Optional<URI> next = redirect(response, input, method);
            if (next.isEmpty()) {
                JsonNode output = responses.toOutput(response, method, input.expectStatus());
                return new ActionResult(output, Duration.ofNanos(System.nanoTime() - started));
            }
            if (hop >= settings.maxRedirects()) {
                throw ConnectorException.rejected(
                        HttpResponses.where(input.method(), input.url()) + " redirected more than "
                                + settings.maxRedirects() + " times",
                        response.statusCode());
            }
            int status = response.statusCode();
            if (status == 303 || ((status == 301 || status == 302) && method.equals("POST"))) {
                method = method.equals("HEAD") ? "HEAD" : "GET";
                body = null;
            }
            url = next.get();
        }
    }

    private HttpRequest request(
            String method,
            URI url,
            HttpRequestInput input,
            byte[] body,
            Optional<HttpAuth.Header> auth,
            ActionCall call,
            long deadline) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(remaining(deadline))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (url.getScheme().equalsIgnoreCase("http")) {
            // a cleartext HTTP/2 upgrade gains nothing for single calls and trips up some servers
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        builder.header("User-Agent", "Switchboard-HttpConnector/1");
        input.headers().forEach((name, value) -> {
            if (body != null || !name.equalsIgnoreCase("Content-Type")) {
                builder.setHeader(name, value);
            }
        });
        auth.ifPresent(header -> builder.setHeader(header.name(), header.value()));
        boolean unsafe = !method.equals("GET") && !method.equals("HEAD");
        boolean keyGiven = input.headers().keySet().stream().anyMatch(n -> n.equalsIgnoreCase("Idempotency-Key"));
        if (unsafe && call.idempotencyKey() != null && !keyGiven) {
            builder.setHeader("Idempotency-Key", call.idempotencyKey());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            // the JDK's own header checks, should one of ours have let something through
            throw ConnectorException.invalidInput("headers", "are not acceptable: " + e.getMessage());
        }
    }

    private HttpResponse<BoundedBody> send(HttpRequest request, long deadline, Duration timeout) {
        String where = HttpResponses.where(request.method(), request.uri());
        CompletableFuture<HttpResponse<BoundedBody>> future =
                client.sendAsync(request, BoundedBody.handler(settings.maxResponseBytes()));
        try {
            // our own deadline bounds the whole exchange, body included: the JDK documents its request
            // timeout only for receiving the response, and a server may trickle the body after quick headers
            return future.get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw ConnectorException.timeout(where + " took longer than " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw ConnectorException.upstream(where + " was interrupted", null, null, e);
        } catch (ExecutionException e) {
            throw failure(where, timeout, e.getCause());
        }
    }

    private static ConnectorException failure(String where, Duration timeout, Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return ConnectorException.timeout(where + " took longer than " + timeout.toMillis() + " ms", cause);
        }
        if (cause instanceof ConnectException) {
            return ConnectorException.upstream(where + ": cannot connect", null, null, cause);
        }
        return ConnectorException.upstream(where + " failed: " + cause, null, null, cause);
    }

    /** The next URL when the response is a redirect to follow: 3xx with Location, not an expected status. */
    private static Optional<URI> redirect(HttpResponse<?> response, HttpRequestInput input, String method) {
        int status = response.statusCode();
        boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        if (!redirect || input.expectStatus().contains(status)) {
            return Optional.empty();
        }
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(response.uri().resolve(location.get().strip()));
        } catch (IllegalArgumentException e) {
            throw ConnectorException.rejected(
                    HttpResponses.where(method, response.uri()) + " redirected to an invalid URL", status);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private Duration timeout(HttpRequestInput input, ActionCall call) {
        Duration timeout = input.timeout() != null ? input.timeout() : settings.defaultTimeout();
        return call.timeout() != null && call.timeout().compareTo(timeout) < 0 ? call.timeout() : timeout;
    }

    private static Duration remaining(long deadline) {
        long left = deadline - System.nanoTime();
        // a request timeout must be positive; a deadline already past fails at the next wait
        return Duration.ofNanos(Math.max(left, TimeUnit.MILLISECONDS.toNanos(1)));
    }

    private static JsonNode schema(String name) {
        try (InputStream in = HttpConnector.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " missing from the connectors jar");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the connection pool; waits for calls in flight. */
    @Override
    public void close() {
        client.close();
    }
}
