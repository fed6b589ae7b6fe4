package dev.switchboard.ui.prompt;

import dev.switchboard.platform.SwitchboardException;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.ui.Toasts;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * Calls into the prompt and workflow facades from a click: what they refuse (a broken rule, a missing right, a
 * template with problems) is shown in words and the call yields {@code null}; anything else is a bug and
 * goes to the session's error handler.
 */
public final class Attempts {

    private Attempts() {}

    /** {@code call}'s result, or {@code null} after showing why it was refused. */
    public static <T> T attempt(Supplier<T> call, Consumer<PromptException> onInvalid) {
        try {
            return call.get();
        } catch (PromptException invalid) {
            onInvalid.accept(invalid);
        } catch (SwitchboardException | AccessDeniedException refused) {
            Toasts.problem(ExpectedProblems.messageFor(refused).orElseThrow());
        }
        return null;
    }

    /** As {@link #attempt(Supplier, Consumer)}, a template's problems shown as a notification too. */
    public static <T> T attempt(Supplier<T> call) {
        return attempt(call, invalid -> Toasts.problem(ExpectedProblems.sentence(invalid.getMessage())));
    }

    /** Whether {@code change} went through (else why not was shown). */
    public static boolean done(Runnable change) {
        return attempt(() -> {
                    change.run();
                    return Boolean.TRUE;
                })
                != null;
    }
}
