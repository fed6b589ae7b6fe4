package dev.switchboard.ui.testsupport;

import dev.switchboard.testsupport.BackendTestApplication;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * View tests ({@link MockBrowser}) whose views call the gateway: the built-in simulated providers are
 * served over HTTP by the application itself, so the context needs a real server on a random port.
 * Production mode, as in {@code BrowserSecurityIT} (same configuration, so the two share one context):
 * this module has no frontend bundle for development mode.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        classes = BackendTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.productionMode=true")
@ActiveProfiles("test")
public @interface ServedViewTest {}
