package dev.switchboard.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySecretsTest {

    @Test
    void a_secret_is_sk_sb_and_32_random_bytes_in_base64url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String secret = KeySecrets.generate();
            assertThat(secret).matches("sk-sb-[A-Za-z0-9_-]{43}");
            assertThat(KeySecrets.wellFormed(secret)).isTrue();
            seen.add(secret);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void the_display_prefix_is_the_first_ten_characters() {
        String secret = KeySecrets.generate();

        assertThat(KeySecrets.displayPrefix(secret))
                .hasSize(10)
                .startsWith("sk-sb-")
                .isEqualTo(secret.substring(0, 10));
    }

    @Test
    void text_that_cannot_be_a_key_is_recognised_without_a_lookup() {
        String secret = KeySecrets.generate();

        assertThat(KeySecrets.wellFormed(null)).isFalse();
        assertThat(KeySecrets.wellFormed("")).isFalse();
        assertThat(KeySecrets.wellFormed(secret.substring(1))).isFalse();
        assertThat(KeySecrets.wellFormed("sk-xx-" + secret.substring(6))).isFalse();
        assertThat(KeySecrets.wellFormed(secret.substring(0, 48) + "="))
                .as("padding")
                .isFalse();
        assertThat(KeySecrets.wellFormed(secret.substring(0, 48) + " ")).isFalse();
    }

    @Test
    void the_stored_hash_is_sha256_in_lower_case_hex() {
        assertThat(KeySecrets.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
