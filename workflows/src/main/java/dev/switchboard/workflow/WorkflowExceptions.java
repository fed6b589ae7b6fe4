package dev.switchboard.workflow;

import dev.switchboard.platform.SwitchboardException;
import java.util.List;

/** The expected failures of workflows, each mapped to a ProblemDetail on the REST API. */
public final class WorkflowExceptions {

    private WorkflowExceptions() {}

    /** No such workflow, version, run or approval, or the caller may not see it (404). */
    public static final class NotFound extends SwitchboardException.NotFound {
        NotFound(String message) {
            super(message);
        }
    }

    /** A field of the request breaks a rule (400). */
    public static final class BadInput extends SwitchboardException.InvalidInput {
        BadInput(String field, String message) {
            super(field, message);
        }
    }

    /** The request clashes with the state: a taken key, no draft, a run already finished (409). */
    public static final class Clash extends SwitchboardException.Conflict {
        Clash(String message) {
            super(message);
        }
    }

    /** The workflow itself is wrong: every problem, each naming its node and field (400). */
    public static final class Invalid extends SwitchboardException.InvalidInput {
        private final List<WorkflowProblem> problems;

        Invalid(List<WorkflowProblem> problems) {
            super(null, summary(problems));
            this.problems = List.copyOf(problems);
        }

        public List<WorkflowProblem> problems() {
            return problems;
        }

        private static String summary(List<WorkflowProblem> problems) {
            String first = problems.isEmpty() ? "" : ": " + problems.getFirst();
            return problems.size() == 1
                    ? "the workflow has a problem" + first
                    : "the workflow has " + problems.size() + " problems" + first;
        }
    }
}
