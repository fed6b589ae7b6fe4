package dev.switchboard.temporal;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestComponent;

/**
 * The smallest Spring Boot application around this package, set up like the app: it scans this
 * package (main and test classes, so the test activity becomes a bean) and auto-configures, which
 * brings {@link TemporalAutoConfiguration} and, through {@link TemporalEnvironmentPostProcessor}, the
 * starter configured exactly as in the app. Left out is everything that needs PostgreSQL or a
 * signed-in user. The test workflow is found by the starter's package scan, like the app's.
 */
@TestComponent // kept out of BackendTestApplication's scan of dev.switchboard, which would take its exclusions
@SpringBootApplication(
        exclude = {
            DataSourceAutoConfiguration.class,
            FlywayAutoConfiguration.class,
            SecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class
        })
class TemporalTestApplication {}
