package dev.switchboard.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The model gateway ({@code /v1/**}) authenticates consumer keys itself ({@link GatewayCallers}),
 * because OpenAI and Anthropic clients expect their own error shapes for a bad key, not Spring
 * Security's. Stateless, no CSRF (no cookies), ahead of the browser UI's catch-all chain.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain gatewaySecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }
}
