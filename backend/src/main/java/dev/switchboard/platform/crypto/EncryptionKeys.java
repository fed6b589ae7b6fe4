package dev.switchboard.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Where the key of {@link SecretBox} comes from: {@code switchboard.security.encryption-key} or the
 * environment variable {@code SWITCHBOARD_ENCRYPTION_KEY}; outside {@code prod}, a key file generated
 * once. A derived or hard-coded key would make every laptop's database readable with the source code,
 * so the embedded fallback is random and lives next to the local database cluster, owner-only.
 */
final class EncryptionKeys {

    static final Path DEFAULT_FILE = Path.of(".switchboard", "encryption.key");
    static final String ENV = "SWITCHBOARD_ENCRYPTION_KEY";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(EncryptionKeys.class);

    private EncryptionKeys() {}

    static SecretKey resolve(String configured, Environment environment, Path keyFile) {
        String value = configured == null || configured.isBlank() ? environment.getProperty(ENV, "") : configured;
        if (!value.isBlank()) {
            return decode(value, ENV);
        }
        if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException(ENV + " must be set in the prod profile (base64 of 32 random bytes, "
                    + "e.g. the output of 'openssl rand -base64 32'); keep it with the database backups");
        }
        return fromFile(keyFile.toAbsolutePath());
    }

    static SecretKey decode(String base64, String origin) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(origin + " is not valid base64: " + e.getMessage());
        }
        return aesKey(raw, origin);
    }

    static SecretKey aesKey(byte[] raw, String origin) {
        if (raw.length != KEY_BYTES) {
            throw new IllegalStateException(
                    origin + " must be 32 bytes (AES-256) once base64-decoded, not " + raw.length + " bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static SecretKey fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                SecretKey key = read(file);
                log.info("Secrets at rest are encrypted with the key in {} (set {} to use another)", file, ENV);
                return key;
            }
            return generate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the encryption key file " + file, e);
        }
    }

    private static SecretKey read(Path file) throws IOException {
        return decode(Files.readString(file, StandardCharsets.US_ASCII), "the key file " + file);
    }

    private static SecretKey generate(Path file) throws IOException {
        byte[] raw = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(raw);
        Files.createDirectories(file.getParent());
        // write completely under a temporary name, then link it into place: a second process starting at
        // the same moment either wins the link or reads the finished file, never a half-written one
        Path temp = file.resolveSibling(
                file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        createOwnerOnly(temp);
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temp, file);
            }
        } catch (FileAlreadyExistsException lostTheRace) {
            return read(file);
        } finally {
            Files.deleteIfExists(temp);
        }
        log.warn("""

                ==========================================================================
                 Generated the encryption key for secrets at rest (provider API keys):
                   {}
                 Keep this file with the database: without it stored keys cannot be read.
                 Set {} to supply your own; the prod profile requires it.
                ==========================================================================""", file, ENV);
        return aesKey(raw, "the generated key");
    }

    private static void createOwnerOnly(Path path) throws IOException {
        Files.deleteIfExists(path);
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(path);
        }
    }
}
