package dev.switchboard.prompts;

import java.util.List;

/**
 * A template that cannot be read, saved or rendered as it is, with every problem found (not just the
 * first). The message names the first one.
 */
public class PromptException extends RuntimeException {

    private final List<PromptProblem> problems;

    public PromptException(List<PromptProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public PromptException(PromptProblem problem) {
        this(List.of(problem));
    }

    public List<PromptProblem> problems() {
        return problems;
    }

    private static String summary(List<PromptProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a prompt exception needs at least one problem");
        }
        String first = problems.getFirst().describe();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
    }
}
