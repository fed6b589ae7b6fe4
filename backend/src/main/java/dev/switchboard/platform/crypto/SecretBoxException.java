package dev.switchboard.platform.crypto;

/**
 * A sealed secret could not be opened: it was sealed with another key, altered, truncated or written
 * in a format this version does not read. Always a configuration or data problem, never user input.
 */
public final class SecretBoxException extends IllegalStateException {

    SecretBoxException(String message) {
        super(message);
    }

    SecretBoxException(String message, Throwable cause) {
        super(message, cause);
    }
}
