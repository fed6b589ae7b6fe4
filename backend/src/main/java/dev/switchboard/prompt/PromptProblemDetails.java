package dev.switchboard.prompt;

import dev.switchboard.platform.Problems;
import dev.switchboard.prompts.PromptException;
import dev.switchboard.prompts.PromptProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A template or values that do not work, as a 400 {@code invalid-prompt} problem listing every issue
 * with its kind, path, variable and position, so an editor can point at each.
 */
final class PromptProblemDetails {

    /** One issue as the REST API shows it. */
    record Issue(
            PromptProblem.Kind kind,
            String path,
            String variable,
            Integer messageIndex,
            Integer line,
            Integer column,
            String message) {
        static Issue of(PromptProblem p) {
            return new Issue(p.kind(), p.path(), p.variable(), p.messageIndex(), p.line(), p.column(), p.message());
        }
    }

    private PromptProblemDetails() {}

    static ProblemDetail of(PromptException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-prompt", e.getMessage());
        List<Issue> issues = e.problems().stream().map(Issue::of).toList();
        problem.setProperties(Map.of("errors", issues));
        return problem;
    }
}
