package dev.switchboard.connectors.http;

import dev.switchboard.connectors.ConnectorException;
import dev.switchboard.connectors.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * How a request authenticates. Credentials are named secrets, resolved only when the request is built,
 * so workflow JSON never holds them.
 */
sealed interface HttpAuth {

    /** The header to add, or empty for {@link None}; resolves the secret. */
    Optional<Header> header(SecretResolver secrets);

    record Header(String name, String value) {}

    record None() implements HttpAuth {
        @Override
        public Optional<Header> header(SecretResolver secrets) {
            return Optional.empty();
        }
    }

    record Bearer(String secret) implements HttpAuth {
        @Override
        public Optional<Header> header(SecretResolver secrets) {
            return Optional.of(new Header("Authorization", "Bearer " + value(secrets, secret)));
        }
    }

    record Basic(String username, String secret) implements HttpAuth {
        @Override
        public Optional<Header> header(SecretResolver secrets) {
            String pair = username + ":" + value(secrets, secret);
            return Optional.of(new Header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
        }
    }

    record ApiKey(String name, String secret) implements HttpAuth {
        @Override
        public Optional<Header> header(SecretResolver secrets) {
            return Optional.of(new Header(name, value(secrets, secret)));
        }
    }

    /** The header name auth will set, so a literal header of the same name can be refused up front. */
    default Optional<String> headerName() {
        return switch (this) {
            case None n -> Optional.empty();
            case Bearer b -> Optional.of("Authorization");
            case Basic b -> Optional.of("Authorization");
            case ApiKey k -> Optional.of(k.name());
        };
    }

    private static String value(SecretResolver secrets, String name) {
        String value = secrets.resolve(name)
                .orElseThrow(
                        () -> ConnectorException.invalidInput("auth.secret", "names an unknown secret '" + name + "'"));
        // a secret with a line break would let its value inject further headers
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw ConnectorException.invalidInput("auth.secret", "'" + name + "' contains a line break");
        }
        return value;
    }

    /** Reads the {@code auth} object of a request input. */
    static HttpAuth parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return new None();
        }
        InputFields auth = InputFields.object(node, "auth");
        String type = auth.requiredString("type");
        return switch (type) {
            case "none" -> {
                auth.onlyKnown(Set.of("type"));
                yield new None();
            }
            case "bearer" -> {
                auth.onlyKnown(Set.of("type", "secret"));
                yield new Bearer(auth.requiredString("secret"));
            }
            case "basic" -> {
                auth.onlyKnown(Set.of("type", "username", "secret"));
                String username = auth.requiredString("username");
                if (username.indexOf(':') >= 0) {
                    throw ConnectorException.invalidInput("auth.username", "must not contain ':'");
                }
                yield new Basic(username, auth.requiredString("secret"));
            }
            case "api_key" -> {
                auth.onlyKnown(Set.of("type", "header", "secret"));
                String header = auth.requiredString("header");
                if (!InputFields.isToken(header)) {
                    throw ConnectorException.invalidInput(
                            "auth.header", "is not a valid header name: '" + header + "'");
                }
                yield new ApiKey(header, auth.requiredString("secret"));
            }
            default ->
                throw ConnectorException.invalidInput(
                        "auth.type", "must be one of none, bearer, basic, api_key; was '" + type + "'");
        };
    }
}
