package dev.switchboard.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The model gateway ({@code /v1/**}) authenticates consumer keys itself ({@link GatewayCallers}),
 * because OpenAI and Anthropic clients expect their own error shapes for a bad key, not Spring
 * Security's. Its chain therefore carries none of the browser's machinery: no session or security
 * context, no CSRF (no cookies), no saved requests, no anonymous user, no authorization rules, no logout,
 * no header writing (every gateway call passes through these filters, so each one is paid thousands of
 * times a second). It sits ahead of the browser UI's catch-all chain.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain gatewaySecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers.disable())
                .servletApi(servletApi -> servletApi.disable())
                .exceptionHandling(exceptions -> exceptions.disable())
                .build();
    }
}
