package dev.switchboard.simulator;

import dev.switchboard.simulator.ChatRequest.Tool;
import dev.switchboard.simulator.ChatRequest.ToolChoice;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the simulated model calls a tool, and which. A forced choice wins; with {@code
 * auto}, a tool is called when the last user message names it or enough of the words in its name and
 * description; once a tool result has come back, the model answers in text, so agent loops end.
 */
final class ToolSelector {

    /** Verbs too common in tool names to say anything about the tool. */
    private static final Set<String> GENERIC = Set.of(
            "get",
            "set",
            "fetch",
            "list",
            "find",
            "create",
            "update",
            "delete",
            "remove",
            "add",
            "run",
            "call",
            "make",
            "do",
            "check",
            "read",
            "write",
            "send",
            "post",
            "put",
            "lookup",
            "retrieve",
            "query",
            "tool");

    private static final Set<String> STOP_WORDS = Set.of(
            "about",
            "after",
            "their",
            "there",
            "these",
            "those",
            "which",
            "while",
            "would",
            "could",
            "should",
            "other",
            "given",
            "using",
            "returns",
            "return",
            "current",
            "specified",
            "provided",
            "information");

    private static final int THRESHOLD = 2;

    private ToolSelector() {}

    static Optional<Tool> select(ChatRequest request) {
        if (request.tools().isEmpty()) {
            return Optional.empty();
        }
        return switch (request.toolChoice()) {
            case ToolChoice.None none -> Optional.empty();
            case ToolChoice.Named named ->
                request.tools().stream()
                        .filter(t -> t.name().equals(named.name()))
                        .findFirst();
            case ToolChoice.Required required ->
                Optional.of(best(request).orElse(request.tools().getFirst()));
            case ToolChoice.Auto auto -> request.endsWithToolResult() ? Optional.empty() : best(request);
        };
    }

    private static Optional<Tool> best(ChatRequest request) {
        String text = request.lastUserText().toLowerCase(Locale.ROOT);
        Set<String> words = new HashSet<>(ReplyText.words(text));
        return request.tools().stream()
                .filter(tool -> score(tool, text, words) >= THRESHOLD)
                .max(Comparator.comparingInt(tool -> score(tool, text, words)));
    }

    static int score(Tool tool, String text, Set<String> words) {
        String name = tool.name().toLowerCase(Locale.ROOT);
        int score = text.contains(name) ? 5 : 0;
        for (String part : nameParts(tool.name())) {
            if (part.length() >= 3 && !GENERIC.contains(part) && mentions(words, part)) {
                score += 2;
            }
        }
        Set<String> counted = new HashSet<>();
        for (String word : ReplyText.words(tool.description() == null ? "" : tool.description())) {
            if (word.length() >= 5 && !STOP_WORDS.contains(word) && counted.add(word) && mentions(words, word)) {
                score += 1;
            }
        }
        return score;
    }

    private static boolean mentions(Set<String> words, String word) {
        return words.contains(word)
                || words.contains(word + "s")
                || word.endsWith("s") && words.contains(word.substring(0, word.length() - 1));
    }

    /** {@code get_current_weather} and {@code getCurrentWeather} both give get, current, weather. */
    private static List<String> nameParts(String name) {
        return List.of(name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT)
                .split("[^a-z0-9]+"));
    }
}
