package dev.switchboard.simulator;

import java.util.List;
import java.util.Optional;

/**
 * What the simulated model generated for a {@link ChatRequest}: one or more choices and the usage,
 * independent of the wire format it is written in.
 */
record Completion(List<Choice> choices, Usage usage) {

    Completion {
        choices = List.copyOf(choices);
    }

    enum Finish {
        /** Natural end of the reply. */
        END,
        /** Cut by {@code max_tokens}. */
        LENGTH,
        /** Cut at a stop sequence. */
        STOP_SEQUENCE,
        /** Ended with a tool call. */
        TOOL_CALL
    }

    /**
     * One choice: its text as token pieces (for a tool call, any words said before it), the tool call
     * if any, why it ended and the stop sequence that ended it.
     */
    record Choice(int index, List<String> pieces, Optional<ToolCall> toolCall, Finish finish, String stopSequence) {
        Choice {
            pieces = List.copyOf(pieces);
        }

        String text() {
            return String.join("", pieces);
        }

        int tokens() {
            return pieces.size()
                    + toolCall.map(c -> c.argumentPieces().size() + 1).orElse(0);
        }
    }

    /** A tool call: its id, the tool name and the JSON arguments as token pieces. */
    record ToolCall(String id, String name, List<String> argumentPieces) {
        ToolCall {
            argumentPieces = List.copyOf(argumentPieces);
        }

        String arguments() {
            return String.join("", argumentPieces);
        }
    }

    /**
     * Token usage. {@code promptTokens} is the whole prompt; {@code cachedTokens} the part read from
     * the prompt cache; {@code cacheWriteTokens} the part newly written to it (Anthropic's explicit
     * caching only).
     */
    record Usage(int promptTokens, int completionTokens, int cachedTokens, int cacheWriteTokens) {
        int totalTokens() {
            return promptTokens + completionTokens;
        }
    }
}
