package dev.switchboard.prompt;

import dev.switchboard.platform.SwitchboardException;

/** The request clashes with the template's state (a key taken, a version already published). */
public class PromptConflictException extends SwitchboardException.Conflict {
    PromptConflictException(String message) {
        super(message);
    }
}
