package dev.switchboard.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryHintsTest {

    final RetryHints hints = new RetryHints(Fixtures.CLOCK);

    static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(
                values.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
                (a, b) -> true);
    }

    @Test
    void go_durations_as_openai_sends_them_are_understood() {
        assertThat(RetryHints.goDuration("6m0s")).contains(Duration.ofMinutes(6));
        assertThat(RetryHints.goDuration("20ms")).contains(Duration.ofMillis(20));
        assertThat(RetryHints.goDuration("1h2m3.5s")).contains(Duration.ofSeconds(3723, 500_000_000));
        assertThat(RetryHints.goDuration("soon")).isEmpty();
        assertThat(RetryHints.goDuration("5s later")).isEmpty();
    }

    @Test
    void retry_after_takes_seconds_or_an_http_date_and_a_past_date_means_now() {
        assertThat(hints.retryAfter("12")).contains(Duration.ofSeconds(12));
        assertThat(hints.retryAfter("Sat, 28 Nov 2026 10:01:00 GMT")).contains(Duration.ofMinutes(1));
        assertThat(hints.retryAfter("Fri, 27 Nov 2026 10:00:00 GMT")).contains(Duration.ZERO);
        assertThat(hints.retryAfter("later")).isEmpty();
        assertThat(hints.retryAfter("-3")).isEmpty();
    }

    @Test
    void retry_after_ms_wins_over_retry_after() {
        var headers = headers(Map.of("retry-after-ms", "250", "retry-after", "9"));

        assertThat(hints.fromHeaders(headers)).contains(Duration.ofMillis(250));
    }

    @Test
    void only_exhausted_rate_limit_windows_count_and_the_latest_reset_wins() {
        var headers = headers(Map.of(
                "anthropic-ratelimit-input-tokens-remaining", "0",
                "anthropic-ratelimit-input-tokens-reset", "2026-11-28T10:00:20Z",
                "anthropic-ratelimit-output-tokens-remaining", "0",
                "anthropic-ratelimit-output-tokens-reset", "2026-11-28T10:00:50Z",
                "anthropic-ratelimit-requests-remaining", "3",
                "anthropic-ratelimit-requests-reset", "2026-11-28T10:09:00Z"));

        assertThat(hints.fromHeaders(headers)).contains(Duration.ofSeconds(50));
        assertThat(hints.fromHeaders(headers(Map.of("x-ratelimit-reset-requests", "1s"))))
                .isEmpty();
    }
}
