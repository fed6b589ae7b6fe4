package dev.switchboard.gateway.upstream;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads how long a rate-limited upstream wants us to wait, from whichever hint it documents. */
final class RetryHints {

    // https://docs.anthropic.com/en/api/rate-limits : anthropic-ratelimit-<window>-remaining / -reset (RFC 3339).
    private static final List<String> ANTHROPIC_WINDOWS =
            List.of("requests", "tokens", "input-tokens", "output-tokens");
    // https://platform.openai.com/docs/guides/rate-limits : x-ratelimit-remaining-<window> and
    // x-ratelimit-reset-<window> as Go-style durations ("1s", "6m0s", "20ms").
    private static final List<String> OPENAI_WINDOWS = List.of("requests", "tokens");
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");

    private final Clock clock;

    RetryHints(Clock clock) {
        this.clock = clock;
    }

    /**
     * The wait the headers ask for: {@code retry-after-ms}, then {@code Retry-After} (seconds or HTTP-date),
     * then the latest reset among the exhausted Anthropic or OpenAI rate-limit windows.
     */
    Optional<Duration> fromHeaders(HttpHeaders headers) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(v -> decimal(v, 6));
        if (millis.isPresent()) {
            return millis;
        }
        Optional<Duration> retryAfter = headers.firstValue("retry-after").flatMap(this::retryAfter);
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        Optional<Duration> anthropic = latestExhausted(
                headers,
                "anthropic-ratelimit-%s-remaining",
                "anthropic-ratelimit-%s-reset",
                ANTHROPIC_WINDOWS,
                this::untilTimestamp);
        if (anthropic.isPresent()) {
            return anthropic;
        }
        return latestExhausted(
                headers, "x-ratelimit-remaining-%s", "x-ratelimit-reset-%s", OPENAI_WINDOWS, RetryHints::goDuration);
    }

    /** {@code Retry-After} per RFC 9110: delay-seconds or an HTTP-date. */
    Optional<Duration> retryAfter(String value) {
        Optional<Duration> seconds = seconds(value);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Gemini puts the wait in the error body: {@code error.details[]} with {@code @type
     * type.googleapis.com/google.rpc.RetryInfo} and {@code retryDelay} such as {@code "37s"}.
     */
    static Optional<Duration> geminiRetryDelay(JsonNode errorBody) {
        for (JsonNode detail : errorBody.path("error").path("details")) {
            if (detail.path("@type").asString("").endsWith("google.rpc.RetryInfo")) {
                String delay = detail.path("retryDelay").asString("");
                if (delay.endsWith("s")) {
                    return seconds(delay.substring(0, delay.length() - 1));
                }
            }
        }
        return Optional.empty();
    }

    /** A Go {@code time.Duration} string such as {@code 1h2m3.5s} or {@code 20ms}. */
    static Optional<Duration> goDuration(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = GO_DURATION_PART.matcher(text);
        long nanos = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return Optional.empty();
            }
            end = m.end();
            BigDecimal amount = new BigDecimal(m.group(1));
            long unitNanos = switch (m.group(2)) {
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "us", "µs" -> 1_000L;
                default -> 1L;
            };
            nanos += amount.multiply(BigDecimal.valueOf(unitNanos)).longValue();
        }
        return end == text.length() ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
    }

    private Optional<Duration> latestExhausted(
            HttpHeaders headers,
            String remainingPattern,
            String resetPattern,
            List<String> windows,
            java.util.function.Function<String, Optional<Duration>> parse) {
        Optional<Duration> latest = Optional.empty();
        for (String window : windows) {
            boolean exhausted = headers.firstValue(remainingPattern.formatted(window))
                    .map(v -> v.strip().equals("0"))
                    .orElse(false);
            if (!exhausted) {
                continue;
            }
            Optional<Duration> reset =
                    headers.firstValue(resetPattern.formatted(window)).flatMap(parse);
            if (reset.isPresent() && (latest.isEmpty() || reset.get().compareTo(latest.get()) > 0)) {
                latest = reset;
            }
        }
        return latest;
    }

    private Optional<Duration> untilTimestamp(String value) {
        try {
            return Optional.of(nonNegative(Duration.between(
                    clock.instant(), OffsetDateTime.parse(value.strip()).toInstant())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> seconds(String value) {
        return decimal(value, 9);
    }

    /** A non-negative decimal number of units, where one unit is 10^nanosExponent nanoseconds. */
    private static Optional<Duration> decimal(String value, int nanosExponent) {
        try {
            BigDecimal amount = new BigDecimal(value.strip());
            if (amount.signum() < 0) {
                return Optional.empty();
            }
            return Optional.of(
                    Duration.ofNanos(amount.movePointRight(nanosExponent).longValue()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
