package dev.switchboard.connectors.http;

import dev.switchboard.connectors.ConnectorException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The input of the {@code request} action, checked and normalised: the URL carries the query, the body
 * is bytes with a content type.
 *
 * @param headers literal headers in input order, names as written
 * @param body {@code null} for no body
 * @param timeout {@code null} when the input sets none
 * @param expectStatus the statuses that count as success; empty means any 2xx
 */
record HttpRequestInput(
        String method,
        URI url,
        Map<String, String> headers,
        byte[] body,
        HttpAuth auth,
        Duration timeout,
        Set<Integer> expectStatus) {

    /** Top-level fields, in the order the input schema lists them. */
    static final List<String> FIELDS =
            List.of("method", "url", "headers", "query", "body", "auth", "timeoutMs", "expectStatus");

    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    /**
     * Headers the connector sets itself or that would carry credentials into workflow JSON (use
     * {@code auth} with a secret for those). The JDK client refuses the first five anyway.
     */
    private static final Set<String> REFUSED_HEADERS = Set.of(
            "connection",
            "content-length",
            "expect",
            "host",
            "upgrade",
            "transfer-encoding",
            "te",
            "trailer",
            "keep-alive",
            "proxy-connection",
            "authorization",
            "proxy-authorization");

    static HttpRequestInput parse(JsonNode input, HttpConnectorSettings settings, JsonMapper json) {
        InputFields in = InputFields.object(input, "");
        in.onlyKnown(FIELDS);
        String method = method(in);
        URI url = withQuery(url(in), in.get("query"));
        HttpAuth auth = HttpAuth.parse(in.get("auth"));
        Map<String, String> headers = headers(in.get("headers"), auth);
        byte[] body = body(in.get("body"), method, headers, json);
        return new HttpRequestInput(
                method,
                url,
                Collections.unmodifiableMap(headers),
                body,
                auth,
                timeout(in.get("timeoutMs"), settings),
                expectStatus(in));
    }

    private static String method(InputFields in) {
        String method = in.optionalString("method");
        if (method == null) {
            return "GET";
        }
        String upper = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            throw ConnectorException.invalidInput(
                    "method", "must be one of " + new TreeSet<>(METHODS) + ", was '" + method + "'");
        }
        return upper;
    }

    private static URI url(InputFields in) {
        String text = in.requiredString("url").strip();
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw ConnectorException.invalidInput("url", "is not a valid URL: " + e.getReason());
        }
        if (!url.isAbsolute()) {
            throw ConnectorException.invalidInput("url", "must be absolute (scheme://host/path), was '" + text + "'");
        }
        if (url.getRawUserInfo() != null) {
            throw ConnectorException.invalidInput(
                    "url", "must not carry credentials; use auth with a secret so they stay out of the workflow");
        }
        return url;
    }

    /** Appends the {@code query} object to the URL, keeping any query it already has. */
    private static URI withQuery(URI url, JsonNode query) {
        if (query == null) {
            return url;
        }
        InputFields fields = InputFields.object(query, "query");
        StringBuilder added = new StringBuilder();
        for (var entry : query.properties()) {
            JsonNode value = entry.getValue();
            String field = fields.field(entry.getKey());
            List<JsonNode> values = value.isArray() ? List.copyOf(value.values()) : List.of(value);
            for (JsonNode item : values) {
                if (item.isNull()) {
                    continue;
                }
                String text = InputFields.scalarText(item);
                if (text == null) {
                    throw ConnectorException.invalidInput(
                            field,
                            "must be a string, number, boolean or a list of them, was " + InputFields.describe(item));
                }
                added.append(added.isEmpty() ? "" : "&")
                        .append(encode(entry.getKey()))
                        .append('=')
                        .append(encode(text));
            }
        }
        if (added.isEmpty()) {
            return url;
        }
        // the fragment is never sent, so drop it rather than thread the query in front of it
        String base = url.toString();
        int hash = base.indexOf('#');
        if (hash >= 0) {
            base = base.substring(0, hash);
        }
        String separator = url.getRawQuery() == null ? "?" : (base.endsWith("&") || base.endsWith("?") ? "" : "&");
        return URI.create(base + separator + added);
    }

    private static String encode(String text) {
        // URLEncoder encodes for forms (space as '+'); %20 reads the same to every server
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> headers(JsonNode node, HttpAuth auth) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (node == null) {
            return headers;
        }
        InputFields fields = InputFields.object(node, "headers");
        String authHeader =
                auth.headerName().map(h -> h.toLowerCase(Locale.ROOT)).orElse(null);
        for (var entry : node.properties()) {
            String name = entry.getKey();
            String field = fields.field(name);
            String lower = name.toLowerCase(Locale.ROOT);
            if (!InputFields.isToken(name)) {
                throw ConnectorException.invalidInput(field, "is not a valid header name");
            }
            if (REFUSED_HEADERS.contains(lower)) {
                throw ConnectorException.invalidInput(
                        field,
                        lower.endsWith("authorization")
                                ? "must not be set literally; use auth with a secret"
                                : "is set by the connector");
            }
            if (lower.equals(authHeader)) {
                throw ConnectorException.invalidInput(field, "is also set by auth");
            }
            if (headers.keySet().stream().anyMatch(existing -> existing.equalsIgnoreCase(name))) {
                throw ConnectorException.invalidInput(field, "is given twice (header names ignore case)");
            }
            String value = entry.getValue().isNull() ? null : InputFields.scalarText(entry.getValue());
            if (value == null) {
                throw ConnectorException.invalidInput(
                        field, "must be a string, number or boolean, was " + InputFields.describe(entry.getValue()));
            }
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw ConnectorException.invalidInput(field, "must not contain line breaks");
            }
            headers.put(name, value);
        }
        return headers;
    }

    private static byte[] body(JsonNode body, String method, Map<String, String> headers, JsonMapper json) {
        if (body == null) {
            return null;
        }
        if (method.equals("GET") || method.equals("HEAD")) {
            throw ConnectorException.invalidInput("body", "is not allowed with " + method);
        }
        boolean typed = headers.keySet().stream().anyMatch(n -> n.equalsIgnoreCase("Content-Type"));
        if (body.isString()) {
            if (!typed) {
                headers.put("Content-Type", "text/plain; charset=utf-8");
            }
            return body.asString().getBytes(StandardCharsets.UTF_8);
        }
        if (!typed) {
            headers.put("Content-Type", "application/json");
        }
        return json.writeValueAsBytes(body);
    }

    private static Duration timeout(JsonNode node, HttpConnectorSettings settings) {
        if (node == null) {
            return null;
        }
        long max = settings.maxTimeout().toMillis();
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1 || node.asLong() > max) {
            throw ConnectorException.invalidInput(
                    "timeoutMs", "must be a whole number from 1 to " + max + ", was " + node);
        }
        return Duration.ofMillis(node.asLong());
    }

    private static Set<Integer> expectStatus(InputFields in) {
        JsonNode node = in.get("expectStatus");
        if (node == null) {
            return Set.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            throw ConnectorException.invalidInput("expectStatus", "must be a non-empty list of status codes");
        }
        Set<Integer> statuses = new TreeSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isInt() || item.asInt() < 100 || item.asInt() > 599) {
                throw ConnectorException.invalidInput(
                        "expectStatus[" + i + "]", "must be a status code from 100 to 599, was " + item);
            }
            statuses.add(item.asInt());
        }
        return Set.copyOf(statuses);
    }
}
