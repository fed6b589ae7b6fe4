package dev.switchboard.simulator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The simulated providers stand in for outside services: they need no Switchboard credentials and
 * check the provider-style key themselves (a bearer token or {@code x-api-key}), answering in the
 * provider's own error shape. Ordered before the API and browser chains, which would otherwise ask
 * for a master key or redirect to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulator
class SimulatorSecurityConfiguration {

    static final String SIMULATED_HEADER = "x-switchboard-simulated";

    @Bean
    @Order(0)
    SecurityFilterChain simulatorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/simulated/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // on every answer, errors included: nobody may mistake simulated output for a real model's
                .headers(headers -> headers.addHeaderWriter(new StaticHeadersWriter(SIMULATED_HEADER, "true")));
        return http.build();
    }
}
