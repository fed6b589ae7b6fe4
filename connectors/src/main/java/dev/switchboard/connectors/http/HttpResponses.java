package dev.switchboard.connectors.http;

import dev.switchboard.connectors.ConnectorException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns a received response into the action's output, or into the failure it stands for. */
final class HttpResponses {

    /** A response as received: its status, the URL asked, its headers and its body up to the limit. */
    record Received(int statusCode, URI uri, HttpHeaders headers, BoundedBody body) {}

    /** How much of an error body a message quotes: enough to see the upstream's complaint. */
    private static final int EXCERPT_CHARS = 300;

    private final JsonMapper json;
    private final Clock clock;

    HttpResponses(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * The output for an expected status; otherwise the failure: 408, 429 and 5xx are retryable
     * {@code UPSTREAM} (with Retry-After), anything else is {@code REJECTED}.
     */
    ObjectNode toOutput(Received response, String method, Set<Integer> expectStatus) {
        int status = response.statusCode();
        boolean expected = expectStatus.isEmpty() ? status >= 200 && status < 300 : expectStatus.contains(status);
        if (!expected) {
            throw failure(response, method);
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("status", status);
        output.put("url", response.uri().toString());
        output.set("headers", headers(response.headers()));
        output.set("body", body(response, method));
        output.put("truncated", response.body().truncated());
        return output;
    }

    private JsonNode body(Received response, String method) {
        BoundedBody body = response.body();
        if (isJson(response.headers())) {
            if (body.truncated()) {
                // a JSON document cut at the limit is no longer JSON, and the same request would be cut again
                throw ConnectorException.rejected(
                        where(method, response.uri()) + " answered JSON larger than the limit of " + body.bytes().length
                                + " bytes",
                        response.statusCode());
            }
            if (body.bytes().length == 0) {
                return JsonNodeFactory.instance.nullNode();
            }
            try {
                return json.readTree(body.bytes());
            } catch (JacksonException e) {
                // a body mislabelled as JSON is still worth handing on, as the text it is
            }
        }
        return JsonNodeFactory.instance.stringNode(text(response.headers(), body.bytes()));
    }

    private ConnectorException failure(Received response, String method) {
        int status = response.statusCode();
        String excerpt = excerpt(text(response.headers(), response.body().bytes()));
        String message =
                where(method, response.uri()) + " answered " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
        if (status == 408 || status == 429 || status >= 500) {
            Duration retryAfter = retryAfter(response.headers()).orElse(null);
            return ConnectorException.upstream(message, status, retryAfter, null);
        }
        return ConnectorException.rejected(message, status);
    }

    /** Retry-After as seconds or as an HTTP date (RFC 9110 §10.2.3); unreadable values are ignored. */
    Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Names lower-cased (HTTP/2 sends them so anyway); repeated headers joined with ", " per RFC 9110. */
    private static ObjectNode headers(HttpHeaders headers) {
        Map<String, String> sorted = new TreeMap<>();
        headers.map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                sorted.merge(name.toLowerCase(Locale.ROOT), String.join(", ", values), (a, b) -> a + ", " + b);
            }
        });
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        sorted.forEach(node::put);
        return node;
    }

    static boolean isJson(HttpHeaders headers) {
        String type = mediaType(headers);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static String mediaType(HttpHeaders headers) {
        String value = headers.firstValue("Content-Type").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** Decodes with the declared charset, UTF-8 when none or unknown; bad bytes become U+FFFD. */
    private static String text(HttpHeaders headers, byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        for (String parameter : headers.firstValue("Content-Type").orElse("").split(";")) {
            List<String> pair = List.of(parameter.strip().split("=", 2));
            if (pair.size() == 2 && pair.get(0).equalsIgnoreCase("charset")) {
                try {
                    charset = Charset.forName(pair.get(1).replace("\"", "").strip());
                } catch (IllegalArgumentException e) {
                    // unknown or malformed charset name: UTF-8 is the best guess for a web API
                }
            }
        }
        return new String(bytes, charset);
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + "…";
    }

    static String where(String method, URI url) {
        return method + " " + HttpEgressPolicy.safe(url);
    }
}
