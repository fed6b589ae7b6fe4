package dev.switchboard.connectors.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the HTTP connector.
 *
 * @param maxResponseBytes how much of a response body is read; past it a text body is cut and marked
 *     {@code truncated}, while a JSON body fails the call (a cut JSON document is not JSON)
 * @param defaultTimeout for the whole attempt when neither the input ({@code timeoutMs}) nor the call
 *     sets one
 * @param maxTimeout the largest {@code timeoutMs} an input may ask for
 * @param connectTimeout for opening a connection, within the attempt's timeout
 * @param maxRedirects redirects followed per call, the egress policy checked at each hop; 0 follows none
 */
public record HttpConnectorSettings(
        long maxResponseBytes,
        Duration defaultTimeout,
        Duration maxTimeout,
        Duration connectTimeout,
        int maxRedirects) {

    /** 1 MiB responses, 30 s per attempt (5 min at most), 10 s to connect, 3 redirects. */
    public static final HttpConnectorSettings DEFAULTS = new HttpConnectorSettings(
            1024 * 1024, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(10), 3);

    public HttpConnectorSettings {
        if (maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxResponseBytes must be between 1 and about 2 GiB");
        }
        requirePositive(defaultTimeout, "defaultTimeout");
        requirePositive(maxTimeout, "maxTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        if (defaultTimeout.compareTo(maxTimeout) > 0) {
            throw new IllegalArgumentException("defaultTimeout must not exceed maxTimeout");
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("maxRedirects must be between 0 and 20");
        }
    }

    public HttpConnectorSettings withMaxResponseBytes(long bytes) {
        return new HttpConnectorSettings(bytes, defaultTimeout, maxTimeout, connectTimeout, maxRedirects);
    }

    public HttpConnectorSettings withMaxRedirects(int redirects) {
        return new HttpConnectorSettings(maxResponseBytes, defaultTimeout, maxTimeout, connectTimeout, redirects);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
