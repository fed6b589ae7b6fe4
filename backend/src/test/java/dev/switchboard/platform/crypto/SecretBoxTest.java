package dev.switchboard.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }

    private final SecretBox box = SecretBox.withKey(key(1));

    @Test
    void a_sealed_secret_opens_to_the_original_text() {
        String sealed = box.seal("sk-live-ünïcödé-1234", "provider:openai");

        assertThat(sealed).startsWith("v1:").doesNotContain("sk-live");
        assertThat(box.open(sealed, "provider:openai")).isEqualTo("sk-live-ünïcödé-1234");
    }

    @Test
    void sealing_the_same_text_twice_gives_different_ciphertexts() {
        assertThat(box.seal("same", "p")).isNotEqualTo(box.seal("same", "p"));
    }

    @Test
    void an_empty_secret_round_trips() {
        assertThat(box.open(box.seal("", "p"), "p")).isEmpty();
    }

    @Test
    void a_flipped_bit_anywhere_is_detected() {
        String sealed = box.seal("sk-live-1234", "p");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            String altered = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> box.open(altered, "p"))
                    .as("byte %d", i)
                    .isInstanceOf(SecretBoxException.class)
                    .hasMessageContaining("cannot be opened");
        }
    }

    @Test
    void a_truncated_or_garbled_value_is_refused_clearly() {
        String sealed = box.seal("sk-live-1234", "p");

        assertThatThrownBy(() -> box.open(sealed.substring(0, 10), "p"))
                .isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> box.open("v1:***not base64***", "p"))
                .isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("not valid base64");
    }

    @Test
    void a_box_with_another_key_cannot_open_it_and_says_why() {
        String sealed = box.seal("sk-live-1234", "p");

        assertThatThrownBy(() -> SecretBox.withKey(key(2)).open(sealed, "p"))
                .isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("different encryption key")
                .hasMessageContaining("SWITCHBOARD_ENCRYPTION_KEY");
    }

    @Test
    void a_value_sealed_for_one_purpose_does_not_open_for_another() {
        String sealed = box.seal("sk-live-1234", "provider:openai");

        assertThatThrownBy(() -> box.open(sealed, "provider:deepseek")).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void an_unknown_format_version_is_named_in_the_error() {
        assertThatThrownBy(() -> box.open("v9:AAAA", "p"))
                .isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("'v9'");
        assertThatThrownBy(() -> box.open("plain-text-key", "p"))
                .isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("unsupported");
    }

    @Test
    void a_key_of_the_wrong_length_is_refused() {
        assertThatThrownBy(() -> SecretBox.withKey(new byte[16]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
