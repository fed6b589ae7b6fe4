package dev.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testsupport.BackendTestApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The prod profile must refuse every embedded default that is only safe on a laptop. */
class ProdProfileIT {

    /** Starts the real application with the prod profile and otherwise acceptable settings. */
    private static void startProd(String key, String value) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.profiles.active", "test,prod");
        settings.put("server.port", "0");
        settings.put("switchboard.demo.enabled", "false");
        settings.put("switchboard.security.master-key", "a-real-master-key-for-prod");
        // the guard reads switchboard.database.*; the connection itself keeps the test password
        settings.put("switchboard.database.password", "not-the-local-default");
        settings.put("spring.datasource.password", "switchboard");
        settings.put(key, value);
        String[] args = settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        new SpringApplicationBuilder(BackendTestApplication.class).run(args).close();
    }

    @Test
    void refuses_demo_data() {
        assertThatThrownBy(() -> startProd("switchboard.demo.enabled", "true"))
                .hasStackTraceContaining("demo data is not allowed in the prod profile");
    }

    @Test
    void refuses_the_local_database_password() {
        assertThatThrownBy(() -> startProd("switchboard.database.password", "switchboard"))
                .hasStackTraceContaining("the database password is the local default");
    }

    @Test
    void refuses_to_generate_a_master_key() {
        assertThatThrownBy(() -> startProd("switchboard.security.master-key", ""))
                .hasStackTraceContaining("SWITCHBOARD_MASTER_KEY must be set in the prod profile");
    }

    @Test
    void refuses_to_start_while_a_demo_account_keeps_its_demo_password() {
        // an embedded start seeds the demo accounts (if no earlier test did) with their documented passwords
        new SpringApplicationBuilder(BackendTestApplication.class)
                .run("--spring.profiles.active=test", "--server.port=0")
                .close();

        assertThatThrownBy(() -> startProd("switchboard.organisation", "Acme Corp"))
                .hasStackTraceContaining("still has its documented demo password");
    }
}
