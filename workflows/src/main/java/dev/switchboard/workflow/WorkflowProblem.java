package dev.switchboard.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a workflow, said where it is: the node (by id, {@code null} for the workflow
 * itself) and the field within it ({@code settings.temperature}, {@code edges[3].port}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowProblem(String node, String field, String message) {

    public static WorkflowProblem ofWorkflow(String field, String message) {
        return new WorkflowProblem(null, field, message);
    }

    @Override
    public String toString() {
        String where = node == null ? "" : "node '" + node + "'";
        if (field != null && !field.isEmpty()) {
            where = where.isEmpty() ? field : where + " " + field;
        }
        return where.isEmpty() ? message : where + ": " + message;
    }
}
