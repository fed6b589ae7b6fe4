package dev.switchboard.ui;

import dev.switchboard.platform.SwitchboardException;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * Tells expected, user-facing failures (a rule the input broke, a clash with the current state,
 * something that no longer exists, a missing role) from bugs, and words the former for the user.
 */
public final class ExpectedProblems {

    /** What a user is told when a service's own role check refuses them. */
    public static final String NOT_ALLOWED = "Your roles do not allow this action.";

    private ExpectedProblems() {}

    /**
     * The message to show for {@code failure}, or empty when it is not an expected problem. Causes are
     * searched too, because the framework may wrap what a listener threw.
     */
    public static Optional<String> messageFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SwitchboardException expected) {
                return Optional.of(sentence(expected.getMessage()));
            }
            if (t instanceof AccessDeniedException) {
                return Optional.of(NOT_ALLOWED);
            }
        }
        return Optional.empty();
    }

    /** Backend messages are written as fragments ("must not be blank"); on screen they start a sentence. */
    public static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "The request could not be completed.";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
