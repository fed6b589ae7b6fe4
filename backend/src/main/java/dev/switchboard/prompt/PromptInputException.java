package dev.switchboard.prompt;

import dev.switchboard.platform.SwitchboardException;

/** A request field breaks a rule of the prompt store or playground. */
public class PromptInputException extends SwitchboardException.InvalidInput {
    PromptInputException(String field, String message) {
        super(field, message);
    }
}
