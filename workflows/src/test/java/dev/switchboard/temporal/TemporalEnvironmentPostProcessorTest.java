package dev.switchboard.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TemporalEnvironmentPostProcessorTest {

    private final TemporalEnvironmentPostProcessor postProcessor = new TemporalEnvironmentPostProcessor();

    @Test
    void refuses_embedded_temporal_in_prod_profile() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");

        assertThatIllegalStateException()
                .isThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication()))
                .withMessageContaining("SWITCHBOARD_TEMPORAL_EMBEDDED=false")
                .withMessageContaining("SWITCHBOARD_TEMPORAL_TARGET");
    }

    @Test
    void accepts_a_temporal_cluster_in_prod_profile() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("switchboard.temporal.embedded", "false")
                .withProperty("switchboard.temporal.target", "temporal.internal:7233");
        environment.setActiveProfiles("prod");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.temporal.connection.target")).isEqualTo("temporal.internal:7233");
    }

    @Test
    void points_the_starter_at_the_embedded_server_and_starts_workers_by_default() {
        MockEnvironment environment = new MockEnvironment().withProperty("switchboard.temporal.port", "17233");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.temporal.connection.target")).isEqualTo("127.0.0.1:17233");
        assertThat(environment.getProperty("spring.temporal.namespace")).isEqualTo("default");
        assertThat(environment.getProperty("spring.temporal.workers[0].task-queue"))
                .isEqualTo("switchboard");
        assertThat(environment.getProperty("spring.temporal.start-workers", Boolean.class))
                .isTrue();
    }

    @Test
    void does_not_start_workers_on_a_node_without_the_worker_role() {
        MockEnvironment environment = new MockEnvironment().withProperty("switchboard.roles", "api,ui");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.temporal.start-workers", Boolean.class))
                .isFalse();
    }

    @Test
    void explicit_starter_properties_win_over_the_mapped_ones() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.temporal.namespace", "payments");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.temporal.namespace")).isEqualTo("payments");
    }
}
