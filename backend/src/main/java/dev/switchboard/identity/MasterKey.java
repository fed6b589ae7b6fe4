package dev.switchboard.identity;

import dev.switchboard.platform.SwitchboardProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The master credential, accepted as an admin bearer token on the REST API. It comes from {@code
 * SWITCHBOARD_MASTER_KEY}; when that is unset outside {@code prod}, one is generated on the first
 * start, printed once, and only its SHA-256 kept (like an API key, it cannot be shown again).
 */
@Component
public class MasterKey {

    static final String SECRET_NAME = "master-key";
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final byte[] expectedHash;

    MasterKey(SwitchboardProperties properties, JdbcClient jdbc, Clock clock, Environment environment) {
        String configured = properties.security().masterKey();
        if (!configured.isBlank()) {
            expectedHash = sha256(configured);
        } else if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException("SWITCHBOARD_MASTER_KEY must be set in the prod profile");
        } else {
            expectedHash = storedOrGenerated(jdbc, clock);
        }
    }

    /** Whether {@code candidate} is the master key (constant-time). */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(expectedHash, sha256(candidate));
    }

    private static byte[] storedOrGenerated(JdbcClient jdbc, Clock clock) {
        Optional<String> stored = jdbc.sql("SELECT value_hash FROM platform_secret WHERE name = ?")
                .param(SECRET_NAME)
                .query(String.class)
                .optional();
        if (stored.isPresent()) {
            return HexFormat.of().parseHex(stored.get());
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = "sb-master-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        byte[] hash = sha256(key);
        int inserted = jdbc.sql("""
                        INSERT INTO platform_secret (name, value_hash, created_at) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO NOTHING""")
                .param(SECRET_NAME)
                .param(HexFormat.of().formatHex(hash))
                .param(Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            // another instance generated one at the same moment: theirs wins
            return storedOrGenerated(jdbc, clock);
        }
        log.warn("""

                ==========================================================================
                 Generated master key (shown once; set SWITCHBOARD_MASTER_KEY to choose one):
                   {}
                 Use it as 'Authorization: Bearer <key>' on /api/v1.
                ==========================================================================""", key);
        return hash;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
