package dev.switchboard.connectors.http;

import dev.switchboard.connectors.ActionCall;
import dev.switchboard.connectors.ActionResult;
import dev.switchboard.connectors.Connector;
import dev.switchboard.connectors.ConnectorAction;
import dev.switchboard.connectors.ConnectorException;
import dev.switchboard.connectors.SecretResolver;
import dev.switchboard.connectors.http.HttpResponses.Received;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
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
 * <p>Thread-safe; holds one HTTP/1.1 client (Apache HttpClient, a connection pool) whose host lookups go
 * through the egress policy, released by {@link #close()}.
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

    /** Connections kept per connector: enough that parallel steps calling one API never queue. */
    private static final int MAX_CONNECTIONS = 1_024;

    private final HttpEgressPolicy policy;
    private final SecretResolver secrets;
    private final HttpConnectorSettings settings;
    private final HttpEgressPolicy.Resolver resolver;
    private final HttpResponses responses;
    private final CloseableHttpClient client;

    public HttpConnector(HttpEgressPolicy policy, SecretResolver secrets) {
        this(policy, secrets, HttpConnectorSettings.DEFAULTS, Clock.systemUTC());
    }

    /** @param clock reads the time for Retry-After given as a date */
    public HttpConnector(HttpEgressPolicy policy, SecretResolver secrets, HttpConnectorSettings settings, Clock clock) {
        this(policy, secrets, settings, clock, InetAddress::getAllByName);
    }

    /** With its own name lookups: the seam tests use to answer DNS as an attacker would. */
    HttpConnector(
            HttpEgressPolicy policy,
            SecretResolver secrets,
            HttpConnectorSettings settings,
            Clock clock,
            HttpEgressPolicy.Resolver resolver) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.responses = new HttpResponses(JSON, clock);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        // every connection goes to addresses the policy checked in this very lookup
                        .setDnsResolver(new DnsResolver() {
                            @Override
                            public InetAddress[] resolve(String host) {
                                return policy.checkHost(host, resolver).toArray(InetAddress[]::new);
                            }

                            @Override
                            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                                return InetAddress.getByName(host).getCanonicalHostName();
                            }
                        })
                        // Apache's defaults (5 per host, 25 in all) would queue parallel workflow steps
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .build())
                        .build())
                // redirects are followed here, by hand, so that every hop meets the egress policy;
                // one attempt per call: the workflow step's retry policy owns retries
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
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
            policy.check(url, resolver);
            boolean sameOrigin = sameOrigin(origin, url);
            HttpUriRequestBase request =
                    request(method, url, input, body, sameOrigin ? auth : Optional.empty(), call, deadline);
            Received response = send(request, url, deadline, timeout);
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

    @SuppressWarnings("deprecation") // RequestConfig.setConnectTimeout, see below
    private HttpUriRequestBase request(
            String method,
            URI url,
            HttpRequestInput input,
            byte[] body,
            Optional<HttpAuth.Header> auth,
            ActionCall call,
            long deadline) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, url);
        Timeout left = Timeout.of(remaining(deadline));
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(left)
                // waiting for a pooled connection is within the call's timeout too
                .setConnectionRequestTimeout(left)
                // connecting too; the per-request setting is deprecated in favour of the pool's, which
                // cannot follow each call's deadline
                .setConnectTimeout(Timeout.of(min(settings.connectTimeout(), remaining(deadline))))
                .build());
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, null)); // its Content-Type is among the headers
        }
        request.setHeader("User-Agent", "Switchboard-HttpConnector/1");
        input.headers().forEach((name, value) -> {
            if (body != null || !name.equalsIgnoreCase("Content-Type")) {
                request.setHeader(name, value);
            }
        });
        auth.ifPresent(header -> request.setHeader(header.name(), header.value()));
        boolean unsafe = !method.equals("GET") && !method.equals("HEAD");
        boolean keyGiven = input.headers().keySet().stream().anyMatch(n -> n.equalsIgnoreCase("Idempotency-Key"));
        if (unsafe && call.idempotencyKey() != null && !keyGiven) {
            request.setHeader("Idempotency-Key", call.idempotencyKey());
        }
        return request;
    }

    /**
     * One exchange on the caller's thread. Each read waits at most the time left, and the body is read
     * against the deadline too: a server may trickle it after quick headers. A body past the limit, or
     * still arriving at the deadline, is cut off with its connection.
     */
    private Received send(HttpUriRequestBase request, URI url, long deadline, Duration timeout) {
        String where = HttpResponses.where(request.getMethod(), url);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, request, null);
            HttpEntity entity = response.getEntity();
            BoundedBody body = entity == null || request.getMethod().equals("HEAD")
                    ? new BoundedBody(new byte[0], false)
                    : BoundedBody.read(entity.getContent(), settings.maxResponseBytes(), deadline);
            if (body.truncated()) {
                request.cancel(); // the rest is not read: closing the response would drain it
            }
            return new Received(response.getCode(), url, headers(response), body);
        } catch (SocketTimeoutException
                | ConnectionRequestTimeoutException
                | BoundedBody.LateException e) { // connect timeouts included
            request.cancel();
            throw ConnectorException.timeout(where + " took longer than " + timeout.toMillis() + " ms", e);
        } catch (InterruptedIOException e) {
            request.cancel();
            Thread.currentThread().interrupt();
            throw ConnectorException.upstream(where + " was interrupted", null, null, e);
        } catch (ConnectException e) {
            throw ConnectorException.upstream(where + ": cannot connect", null, null, e);
        } catch (IOException e) {
            request.cancel();
            throw ConnectorException.upstream(where + " failed: " + e, null, null, e);
        } finally {
            // a ConnectorException from the egress policy (refusing what the host resolved to when
            // connecting) passes through unchanged
            close(response);
        }
    }

    private static void close(ClassicHttpResponse response) {
        if (response == null) {
            return;
        }
        try {
            response.close();
        } catch (IOException e) {
            // the exchange is over either way
        }
    }

    private static HttpHeaders headers(ClassicHttpResponse response) {
        Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            values.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(values, (name, value) -> true);
    }

    /** The next URL when the response is a redirect to follow: 3xx with Location, not an expected status. */
    private static Optional<URI> redirect(Received response, HttpRequestInput input, String method) {
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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

    /** Closes the connection pool. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
