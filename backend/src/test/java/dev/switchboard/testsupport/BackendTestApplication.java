package dev.switchboard.testsupport;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.TestComponent;

/**
 * The application for integration tests of modules below {@code app}: every bean under {@code
 * dev.switchboard} on the test's classpath. Marked as a test component so that the real
 * application's component scan in {@code app} tests does not pick it up as a second configuration.
 */
@TestComponent
@SpringBootApplication(scanBasePackages = "dev.switchboard")
@ConfigurationPropertiesScan("dev.switchboard")
public class BackendTestApplication {}
