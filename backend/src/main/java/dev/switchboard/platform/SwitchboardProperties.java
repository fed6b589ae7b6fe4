package dev.switchboard.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Platform-wide settings, bound from {@code switchboard.*} (environment variables such as {@code
 * SWITCHBOARD_ROLES=api,worker} override them).
 *
 * @param roles the roles this process plays (default: all)
 * @param organisation the name of the company node created on first start
 * @param database the PostgreSQL (with pgvector) the platform keeps its state in
 * @param security credentials accepted by the REST API
 * @param demo the demo data seeded in embedded mode
 */
@Validated
@ConfigurationProperties("switchboard")
public record SwitchboardProperties(
        Set<NodeRole> roles,
        @NotBlank @DefaultValue("Acme Corp") String organisation,
        @Valid @NotNull @DefaultValue Database database,
        @Valid @NotNull @DefaultValue Security security,
        @Valid @NotNull @DefaultValue Demo demo) {

    public SwitchboardProperties {
        roles = roles == null || roles.isEmpty() ? EnumSet.allOf(NodeRole.class) : EnumSet.copyOf(roles);
    }

    public boolean plays(NodeRole role) {
        return roles.contains(role);
    }

    /**
     * The system of record. The defaults point at the private cluster {@code ./switchboard db start}
     * runs; {@code SWITCHBOARD_DATABASE_URL} and friends point elsewhere.
     */
    public record Database(
            @NotBlank
            @Pattern(regexp = "jdbc:postgresql:.*", message = "must be a jdbc:postgresql: URL")
            @DefaultValue("jdbc:postgresql://127.0.0.1:5433/switchboard")
            String url,

            @NotBlank @DefaultValue("switchboard") String username,
            @DefaultValue("switchboard") String password,
            @Positive @DefaultValue("20") int maxPoolSize) {

        /** The password of the local development cluster; the prod profile refuses it. */
        public static final String LOCAL_DEFAULT_PASSWORD = "switchboard";

        @Override
        public String toString() {
            return "Database[url=" + url + ", username=" + username + ", maxPoolSize=" + maxPoolSize + "]";
        }
    }

    /**
     * @param masterKey the master credential ({@code SWITCHBOARD_MASTER_KEY}), accepted as an admin
     *     bearer token; when blank outside {@code prod} one is generated and printed once
     * @param bootstrapAdminPassword when set and no user exists yet, an {@code admin} account with
     *     this password is created ({@code SWITCHBOARD_SECURITY_BOOTSTRAP_ADMIN_PASSWORD})
     * @param encryptionKey the AES-256 key (base64 of 32 bytes) that encrypts secrets at rest, such as
     *     provider API keys ({@code SWITCHBOARD_ENCRYPTION_KEY}); when blank outside {@code prod} one is
     *     generated into {@code .switchboard/encryption.key}
     */
    public record Security(
            @DefaultValue("") String masterKey,
            @DefaultValue("") String bootstrapAdminPassword,
            @DefaultValue("") String encryptionKey) {

        @Override
        public String toString() {
            return "Security[masterKey=" + (masterKey.isBlank() ? "(generated)" : "***") + ", encryptionKey="
                    + (encryptionKey.isBlank() ? "(file)" : "***") + "]";
        }
    }

    /** @param enabled seed demo org units and users on first start (refused by the prod profile) */
    public record Demo(@DefaultValue("true") boolean enabled) {}
}
