package dev.switchboard.identity;

import dev.switchboard.org.UserRole;
import dev.switchboard.org.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Local accounts for the embedded mode: bcrypt hashes in {@code app_user}, roles as {@code ROLE_*}
 * authorities. An OIDC login (Keycloak) replaces this source later; the roles stay the same.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityBeans {

    /**
     * No observation (a span and a timer) around each filter of each security chain: a sixth of the
     * gateway's CPU per call in the gateway benchmark, for spans nobody reads. Request metrics stay on:
     * {@code http.server.requests} from the web layer, and for model calls the gateway's own timer.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService localAccounts(UserService users) {
        return username -> users.credentialsOf(username)
                .map(c -> User.withUsername(c.username())
                        .password(c.passwordHash())
                        .disabled(!c.enabled())
                        .authorities(c.roles().stream()
                                .map(UserRole::authority)
                                .map(SimpleGrantedAuthority::new)
                                .toList())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no local account '" + username + "'"));
    }
}
