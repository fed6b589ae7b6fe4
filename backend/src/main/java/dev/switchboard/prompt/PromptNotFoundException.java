package dev.switchboard.prompt;

import dev.switchboard.platform.SwitchboardException;

/** The template, version or test case asked for does not exist (or is not visible to the caller). */
public class PromptNotFoundException extends SwitchboardException.NotFound {
    PromptNotFoundException(String message) {
        super(message);
    }
}
