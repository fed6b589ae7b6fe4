package dev.switchboard.platform.crypto;

import dev.switchboard.platform.SwitchboardProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets before they are stored (provider API keys, connector credentials) and decrypts them
 * when they are needed. AES-256-GCM with a fresh random 12-byte nonce per value; the result is a string
 * {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>} so that a later format or key can be told apart.
 *
 * <p>The {@code purpose} passed to {@link #seal} and {@link #open} is bound to the ciphertext as
 * associated data: a value sealed for {@code provider:openai} cannot be copied into another row and
 * opened there. The key comes from {@code SWITCHBOARD_ENCRYPTION_KEY}; outside {@code prod} a missing
 * key is generated once into {@code .switchboard/encryption.key}.
 */
@Component
public class SecretBox {

    static final String VERSION = "v1";
    private static final String PREFIX = VERSION + ":";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    SecretBox(SwitchboardProperties properties, Environment environment) {
        this(EncryptionKeys.resolve(properties.security().encryptionKey(), environment, EncryptionKeys.DEFAULT_FILE));
    }

    private SecretBox(SecretKey key) {
        this.key = key;
    }

    /** A box with the given raw 32-byte key (tests and tools; the application uses the configured key). */
    static SecretBox withKey(byte[] rawKey) {
        return new SecretBox(EncryptionKeys.aesKey(rawKey, "the given key"));
    }

    /** Encrypts {@code plaintext} for {@code purpose}; every call gives a different result. */
    public String seal(String plaintext, String purpose) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, purpose);
            byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + encrypted.length)
                    .put(nonce)
                    .put(encrypted)
                    .array();
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Decrypts a value made by {@link #seal} with the same key and purpose.
     *
     * @throws SecretBoxException if the value was sealed with another key or purpose, was altered, or
     *     is not in a known format
     */
    public String open(String sealedValue, String purpose) {
        Objects.requireNonNull(sealedValue, "sealedValue");
        if (!sealedValue.startsWith(PREFIX)) {
            int colon = sealedValue.indexOf(':');
            String version = colon > 0 && colon <= 8 ? sealedValue.substring(0, colon) : "(none)";
            throw new SecretBoxException("unsupported sealed-secret format '" + version + "': this version of "
                    + "Switchboard reads " + VERSION);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealedValue.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException("the sealed secret is not valid base64: it has been altered", e);
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretBoxException("the sealed secret is too short: it has been truncated or altered");
        }
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, purpose);
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretBoxException(
                    "the sealed secret cannot be opened: it was sealed with a different encryption key "
                            + "(check SWITCHBOARD_ENCRYPTION_KEY) or for another purpose, or it has been altered",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String purpose) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(Objects.requireNonNull(purpose, "purpose").getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "SecretBox[" + VERSION + ", key=***]";
    }
}
