package dev.switchboard.platform.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testsupport.BackendTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The real application, started with the prod profile, refuses to run without an encryption key. */
class EncryptionKeyProdIT {

    @Test
    void the_prod_profile_refuses_to_start_without_SWITCHBOARD_ENCRYPTION_KEY() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(BackendTestApplication.class)
                        .run(
                                "--spring.profiles.active=test,prod",
                                "--server.port=0",
                                "--switchboard.demo.enabled=false",
                                "--switchboard.security.master-key=a-real-master-key-for-prod",
                                "--switchboard.database.password=not-the-local-default",
                                "--spring.datasource.password=switchboard",
                                "--switchboard.security.encryption-key=")
                        .close())
                .hasStackTraceContaining("SWITCHBOARD_ENCRYPTION_KEY must be set in the prod profile");
    }
}
