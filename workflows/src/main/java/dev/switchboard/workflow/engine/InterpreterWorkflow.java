package dev.switchboard.workflow.engine;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The one Temporal workflow type of Switchboard: it interprets a published workflow version. Every
 * run of every workflow is an execution of this type, with the version's JSON in its input.
 */
@WorkflowInterface
public interface InterpreterWorkflow {

    @WorkflowMethod
    RunOutcome run(RunRequest request);

    /** A person decided an approval step ({@code stepKey} says which, when several wait at once). */
    @SignalMethod
    void decide(ApprovalDecision decision);

    /** A budget changed (raised, or a new period began): a run waiting for budget tries again now. */
    @SignalMethod
    void budgetChanged();

    /** What the run is doing: the steps waiting, e.g. for approval or budget. */
    @QueryMethod
    String phase();
}
