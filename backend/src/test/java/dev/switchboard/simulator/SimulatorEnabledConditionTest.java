package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class SimulatorEnabledConditionTest {

    @Configuration(proxyBeanMethods = false)
    static class Probe {
        @Bean
        @ConditionalOnSimulator
        String simulated() {
            return "served";
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Probe.class);

    private ApplicationContextRunner inProfile(String profile) {
        return runner.withInitializer(context -> context.getEnvironment().setActiveProfiles(profile));
    }

    @Test
    void serves_the_simulator_by_default() {
        runner.run(context -> assertThat(context).hasBean("simulated"));
    }

    @Test
    void the_prod_profile_leaves_it_off_unless_switched_on() {
        inProfile("prod").run(context -> assertThat(context).doesNotHaveBean("simulated"));
        inProfile("prod")
                .withPropertyValues("switchboard.simulator.enabled=true")
                .run(context -> assertThat(context).hasBean("simulated"));
    }

    @Test
    void it_can_be_switched_off_anywhere() {
        runner.withPropertyValues("switchboard.simulator.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("simulated"));
    }
}
