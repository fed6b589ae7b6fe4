package dev.switchboard;

import dev.switchboard.org.DemoAccounts;
import dev.switchboard.platform.NodeRole;
import dev.switchboard.platform.SwitchboardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who ran {@code ./switchboard up} where the platform is and how to sign in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final SwitchboardProperties properties;
    private final Environment environment;

    StartupBanner(SwitchboardProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printWhereAndHow(ApplicationReadyEvent event) {
        String port = environment.getProperty("local.server.port", "8080");
        String uptime = String.format("%.1f", event.getTimeTaken().toMillis() / 1000.0);
        StringBuilder text = new StringBuilder()
                .append("\n\n  Switchboard is up in ")
                .append(uptime)
                .append(" s, roles ")
                .append(properties.roles().stream().map(NodeRole::code).sorted().toList())
                .append("\n    UI:       http://localhost:")
                .append(port)
                .append("\n    REST API: http://localhost:")
                .append(port)
                .append("/api/v1  (docs: /swagger-ui.html)");
        if (properties.demo().enabled() && !environment.matchesProfiles("prod")) {
            DemoAccounts.Account admin = DemoAccounts.ALL.getFirst();
            text.append("\n    Sign in:  ")
                    .append(admin.username())
                    .append(" / ")
                    .append(admin.password())
                    .append("  (demo accounts: ");
            DemoAccounts.ALL.forEach(a -> text.append(a.username()).append(' '));
            text.append("- passwords in README.md)");
        }
        log.info(text.append("\n").toString());
    }
}
