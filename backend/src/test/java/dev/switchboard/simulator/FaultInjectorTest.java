package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private static final SimulatedProvider FLAKY = new SimulatedProvider(
            "sim-flaky", SimulatedProtocol.OPENAI, Set.of(), List.of("m"), Duration.ZERO, Duration.ZERO, 0.3);

    private static FaultInjector injector(long seed) {
        return new FaultInjector(new SimulatorProperties(null, true, seed, Duration.ofSeconds(120), 384, null));
    }

    private static List<Optional<Fault>> draws(FaultInjector injector, int requests) {
        List<Optional<Fault>> draws = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            draws.add(injector.random(FLAKY, ("{\"request\": " + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        return draws;
    }

    @Test
    void fails_about_the_configured_share_of_requests_with_a_retryable_status() {
        var draws = draws(injector(1), 2000);

        long failed = draws.stream().filter(Optional::isPresent).count();
        assertThat(failed / 2000.0).isBetween(0.25, 0.35);
        assertThat(draws.stream().flatMap(Optional::stream))
                .containsOnly(Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.UNAVAILABLE);
    }

    @Test
    void the_same_seed_and_requests_fail_the_same_way() {
        assertThat(draws(injector(5), 200)).isEqualTo(draws(injector(5), 200));
        assertThat(draws(injector(5), 200)).isNotEqualTo(draws(injector(6), 200));
    }

    @Test
    void a_retry_of_a_failed_request_is_a_new_draw() {
        FaultInjector injector = injector(3);
        byte[] body = "{\"same\": true}".getBytes(StandardCharsets.UTF_8);

        List<Optional<Fault>> attempts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            attempts.add(injector.random(FLAKY, body));
        }

        assertThat(attempts).contains(Optional.empty());
        assertThat(attempts.stream().filter(Optional::isPresent)).isNotEmpty();
    }

    @Test
    void a_provider_without_failure_rate_never_fails_on_its_own() {
        var steady = new SimulatedProvider(
                "sim-fast", SimulatedProtocol.OPENAI, Set.of(), List.of("m"), Duration.ZERO, Duration.ZERO, 0.0);

        assertThat(injector(1).random(steady, new byte[] {1, 2, 3})).isEmpty();
    }
}
