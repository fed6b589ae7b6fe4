package dev.switchboard.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class EncryptionKeysTest {

    @TempDir
    Path dir;

    private static final String CONFIGURED = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void the_configured_key_is_used_and_no_file_is_written() {
        Path file = dir.resolve(".switchboard/encryption.key");

        SecretKey key = EncryptionKeys.resolve(CONFIGURED, new MockEnvironment(), file);

        assertThat(key.getEncoded()).isEqualTo(new byte[32]);
        assertThat(file).doesNotExist();
    }

    @Test
    void the_environment_variable_is_used_when_the_property_is_blank() {
        byte[] raw = new byte[32];
        raw[0] = 7;
        var environment = new MockEnvironment()
                .withProperty(EncryptionKeys.ENV, Base64.getEncoder().encodeToString(raw));

        assertThat(EncryptionKeys.resolve("", environment, dir.resolve("k")).getEncoded())
                .isEqualTo(raw);
    }

    @Test
    void the_prod_profile_refuses_to_start_without_a_configured_key() {
        var prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        Path file = dir.resolve(".switchboard/encryption.key");

        assertThatThrownBy(() -> EncryptionKeys.resolve("", prod, file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SWITCHBOARD_ENCRYPTION_KEY must be set in the prod profile");
        assertThat(file).doesNotExist();
    }

    @Test
    void embedded_mode_generates_an_owner_only_key_file_once_and_reuses_it() throws Exception {
        Path file = dir.resolve(".switchboard/encryption.key");

        SecretKey first = EncryptionKeys.resolve("", new MockEnvironment(), file);
        SecretKey second = EncryptionKeys.resolve("", new MockEnvironment(), file);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(first.getEncoded()).hasSize(32).isEqualTo(second.getEncoded());
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void a_sealed_value_survives_a_restart_with_the_generated_key() {
        Path file = dir.resolve("encryption.key");
        var before = new SecretBoxFactory(file).box();
        String sealed = before.seal("sk-live-1234", "p");

        assertThat(new SecretBoxFactory(file).box().open(sealed, "p")).isEqualTo("sk-live-1234");
    }

    @Test
    void malformed_keys_are_refused_with_a_message_naming_the_source() {
        assertThatThrownBy(() -> EncryptionKeys.resolve("not base64!", new MockEnvironment(), dir))
                .hasMessageContaining("SWITCHBOARD_ENCRYPTION_KEY is not valid base64");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> EncryptionKeys.resolve(shortKey, new MockEnvironment(), dir))
                .hasMessageContaining("must be 32 bytes")
                .hasMessageContaining("not 16 bytes");
    }

    /** Builds a box from a key file the way a fresh process would. */
    private record SecretBoxFactory(Path file) {
        SecretBox box() {
            return SecretBox.withKey(
                    EncryptionKeys.resolve("", new MockEnvironment(), file).getEncoded());
        }
    }
}
