package dev.switchboard.workflow;

import dev.switchboard.budget.BudgetChanged;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.org.UnitAccess;
import dev.switchboard.org.UserRole;
import dev.switchboard.prompts.Variable;
import dev.switchboard.prompts.VariableType;
import dev.switchboard.temporal.TemporalProperties;
import dev.switchboard.workflow.engine.ApprovalDecision;
import dev.switchboard.workflow.engine.InterpreterWorkflow;
import dev.switchboard.workflow.engine.RunRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workflow runs: start one (waiting for it, up to a timeout, or not), follow its steps, cancel it,
 * retry a failed run from the failed step (completed steps' outputs are reused, not paid for again),
 * and decide approvals. Runs execute on Temporal as {@link InterpreterWorkflow}; their history is kept
 * in PostgreSQL, where it can be searched.
 */
@Service
public class WorkflowRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_SEARCH = 500;

    private final WorkflowStore store;
    private final RunRepository runs;
    private final UnitAccess access;
    private final WorkflowClient temporal;
    private final TemporalProperties temporalProperties;
    private final Clock clock;
    private final Duration budgetRecheck;

    WorkflowRuns(
            WorkflowStore store,
            RunRepository runs,
            UnitAccess access,
            WorkflowClient temporal,
            TemporalProperties temporalProperties,
            Clock clock,
            @Value("${switchboard.workflows.budget-recheck:PT1M}") Duration budgetRecheck) {
        this.store = store;
        this.runs = runs;
        this.access = access;
        this.temporal = temporal;
        this.temporalProperties = temporalProperties;
        this.clock = clock;
        this.budgetRecheck = budgetRecheck;
    }

    /**
     * Starts a run of a published version ({@code null}: the newest), charged to {@code chargeTo} (or
     * the caller's unit), and returns at once.
     *
     * @throws WorkflowExceptions.BadInput naming each input that is missing, unknown or mistyped
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER', 'OPERATOR')")
    public Run start(UUID workflowId, Integer version, JsonNode inputs, OrgUnitId chargeTo) {
        UnitAccess.Caller caller = access.caller();
        WorkflowVersion v = version == null ? store.newestPublished(workflowId) : store.version(workflowId, version);
        if (!v.published()) {
            throw new WorkflowExceptions.Clash("version " + v.number() + " is a draft: runs use published versions");
        }
        var owner = store.readable(workflowId).orgUnitId();
        OrgUnitId unit = access.chargeUnit(caller, chargeTo, owner == null ? null : new OrgUnitId(owner));
        ObjectNode accepted = acceptInputs(v.definition(), inputs);
        UUID runId = UUID.randomUUID();
        runs.insertRun(
                runId, workflowId, v.number(), unit.value(), caller.username(), accepted.toString(), null, null, now());
        launch(runId, v, accepted, unit, caller.username(), Map.of());
        return runs.findRun(runId).orElseThrow();
    }

    /** Starts a run and waits for it to finish, at most {@code timeout}; a run still going is returned as it is. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER', 'OPERATOR')")
    public Run startAndWait(UUID workflowId, Integer version, JsonNode inputs, OrgUnitId chargeTo, Duration timeout) {
        Run run = start(workflowId, version, inputs, chargeTo);
        return await(run.id(), timeout);
    }

    /** Waits for a run to finish, at most {@code timeout}, and returns it as it then is. */
    @PreAuthorize("isAuthenticated()")
    public Run await(UUID runId, Duration timeout) {
        readable(runId);
        WorkflowStub stub = temporal.newUntypedWorkflowStub(runId.toString());
        try {
            stub.getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, Object.class);
        } catch (TimeoutException stillRunning) {
            // the caller gets the run as it is; it goes on
        } catch (RuntimeException ended) {
            // cancelled or failed in Temporal: the run row says how
        }
        return runs.findRun(runId).orElseThrow();
    }

    @PreAuthorize("isAuthenticated()")
    public Run get(UUID runId) {
        return readable(runId);
    }

    @PreAuthorize("isAuthenticated()")
    public List<Step> steps(UUID runId) {
        readable(runId);
        return runs.steps(runId);
    }

    /** Runs the caller may read, filtered (nulls match all), newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<Run> search(UUID workflowId, String status, OrgUnitId orgUnit, Instant from, Instant to) {
        UnitAccess.Caller caller = access.caller();
        return runs
                .searchRuns(workflowId, status, orgUnit == null ? null : orgUnit.value(), from, to, MAX_SEARCH)
                .stream()
                .filter(r -> access.canRead(caller, new OrgUnitId(r.orgUnitId())))
                .toList();
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER', 'OPERATOR')")
    public Run cancel(UUID runId) {
        Run run = readable(runId);
        if (run.finished()) {
            throw new WorkflowExceptions.Clash("run " + runId + " has already ended (" + run.status() + ")");
        }
        temporal.newUntypedWorkflowStub(runId.toString()).cancel();
        return runs.findRun(runId).orElseThrow();
    }

    /**
     * Runs a failed or cancelled run again from where it stopped: a new run of the same version and
     * inputs that takes the outputs of the steps the old run completed instead of running (and paying
     * for) them again.
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DESIGNER', 'OPERATOR')")
    public Run retry(UUID runId) {
        UnitAccess.Caller caller = access.caller();
        Run failed = readable(runId);
        if (!"FAILED".equals(failed.status()) && !"CANCELLED".equals(failed.status())) {
            throw new WorkflowExceptions.Clash(
                    "only a failed or cancelled run is retried; this one is " + failed.status());
        }
        WorkflowVersion v = store.version(failed.workflowId(), failed.version());
        Map<String, String> reused = runs.succeededOutputs(runId);
        UUID retryId = UUID.randomUUID();
        runs.insertRun(
                retryId,
                failed.workflowId(),
                failed.version(),
                failed.orgUnitId(),
                caller.username(),
                failed.inputsJson(),
                runId,
                null,
                now());
        launch(
                retryId,
                v,
                (ObjectNode) JSON.readTree(failed.inputsJson()),
                new OrgUnitId(failed.orgUnitId()),
                caller.username(),
                reused);
        return runs.findRun(retryId).orElseThrow();
    }

    /** Open approvals the caller may decide, oldest first. */
    @PreAuthorize("isAuthenticated()")
    public List<Approval> inbox() {
        UnitAccess.Caller caller = access.caller();
        return runs.openApprovals().stream().filter(a -> mayDecide(caller, a)).toList();
    }

    /**
     * Decides an approval: recorded first (one decision wins), then the run is told.
     *
     * @param fields the approval form's values
     */
    @PreAuthorize("isAuthenticated()")
    public Approval decide(UUID approvalId, boolean approve, String comment, JsonNode fields) {
        UnitAccess.Caller caller = access.caller();
        Approval task = runs.findApproval(approvalId)
                .filter(a -> mayDecide(caller, a) || access.canRead(caller, new OrgUnitId(a.runUnitId())))
                .orElseThrow(() -> new WorkflowExceptions.NotFound("approval " + approvalId + " does not exist"));
        if (!mayDecide(caller, task)) {
            throw new AccessDeniedException("this approval is for "
                    + (task.role() != null ? "the role " + task.role() : "")
                    + (task.role() != null && task.orgUnitId() != null ? " in " : "")
                    + (task.orgUnitId() != null ? "org unit " + task.orgUnitId() : ""));
        }
        ObjectNode decision = JsonNodeFactory.instance
                .objectNode()
                .put("approved", approve)
                .put("comment", comment == null ? "" : comment);
        decision.set("fields", fields == null ? JsonNodeFactory.instance.objectNode() : fields);
        if (!runs.closeApproval(
                approvalId, approve ? "APPROVED" : "REJECTED", caller.username(), decision.toString(), now())) {
            throw new WorkflowExceptions.Clash("approval " + approvalId + " is no longer open (" + task.status() + ")");
        }
        temporal.newWorkflowStub(InterpreterWorkflow.class, task.runId().toString())
                .decide(new ApprovalDecision(
                        task.stepKey(),
                        approve,
                        caller.username(),
                        comment,
                        fields == null ? "{}" : fields.toString()));
        return runs.findApproval(approvalId).orElseThrow();
    }

    /**
     * Starts a published workflow as the child of a run, for an agent that uses it as a tool: no caller
     * (the engine runs without one), charged to the parent's unit. Idempotent on {@code childRunId}: a
     * retried tool call finds its child run and does not start a second one.
     *
     * @throws WorkflowExceptions.BadInput for inputs the child does not take
     */
    public Run startChild(String key, JsonNode inputs, UUID parentRunId, UUID childRunId) {
        Run parent =
                runs.findRun(parentRunId).orElseThrow(() -> new WorkflowExceptions.NotFound("no run " + parentRunId));
        var existing = runs.findRun(childRunId);
        if (existing.isPresent()) {
            return existing.get();
        }
        WorkflowStore.Published published = store.published(key, null)
                .orElseThrow(() -> new WorkflowExceptions.NotFound("no published workflow '" + key + "'"));
        WorkflowDefinition definition = WorkflowDocuments.trusted(published.definitionJson());
        ObjectNode accepted = acceptInputs(definition, inputs);
        runs.insertRun(
                childRunId,
                published.workflowId(),
                published.version(),
                parent.orgUnitId(),
                parent.startedBy(),
                accepted.toString(),
                null,
                parentRunId,
                now());
        WorkflowVersion v = new WorkflowVersion(
                published.workflowId(),
                key,
                published.version(),
                true,
                definition,
                published.definitionJson(),
                null,
                null,
                null,
                null);
        try {
            launch(childRunId, v, accepted, new OrgUnitId(parent.orgUnitId()), parent.startedBy(), Map.of());
        } catch (io.temporal.client.WorkflowExecutionAlreadyStarted alreadyRunning) {
            // a retry after the start went through: the child is running already
        }
        return runs.findRun(childRunId).orElseThrow();
    }

    /** Waits for a run without a caller (the engine's side of {@link #startChild}). */
    public Run awaitChild(UUID runId, Duration timeout) {
        try {
            temporal.newUntypedWorkflowStub(runId.toString())
                    .getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, Object.class);
        } catch (TimeoutException | RuntimeException ended) {
            // the run row says how it stands
        }
        return runs.findRun(runId).orElseThrow();
    }

    /** A budget changed: every run waiting for budget looks again now instead of at its next recheck. */
    @TransactionalEventListener(fallbackExecution = true)
    void onBudgetChanged(BudgetChanged changed) {
        for (Run waiting : runs.searchRuns(null, "WAITING_FOR_BUDGET", null, null, null, MAX_SEARCH)) {
            try {
                temporal.newWorkflowStub(InterpreterWorkflow.class, waiting.id().toString())
                        .budgetChanged();
            } catch (RuntimeException gone) {
                // the run ended meanwhile; nothing to wake
            }
        }
    }

    /** Starts the run on Temporal; a run Temporal did not take is marked failed, not left running. */
    private void launch(
            UUID runId, WorkflowVersion v, ObjectNode inputs, OrgUnitId unit, String by, Map<String, String> reused) {
        try {
            startOnTemporal(runId, v, inputs, unit, by, reused);
        } catch (io.temporal.client.WorkflowExecutionAlreadyStarted alreadyStarted) {
            throw alreadyStarted;
        } catch (RuntimeException e) {
            runs.runStatus(runId, "FAILED", null, "the run could not be started: " + e.getMessage(), null, now());
            throw e;
        }
    }

    private void startOnTemporal(
            UUID runId, WorkflowVersion v, ObjectNode inputs, OrgUnitId unit, String by, Map<String, String> reused) {
        InterpreterWorkflow workflow = temporal.newWorkflowStub(
                InterpreterWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setTaskQueue(temporalProperties.taskQueue())
                        .setWorkflowId(runId.toString())
                        .build());
        WorkflowClient.start(
                workflow::run,
                new RunRequest(
                        runId.toString(),
                        v.key(),
                        v.number(),
                        v.definitionJson(),
                        inputs.toString(),
                        unit.value().toString(),
                        null,
                        by,
                        reused,
                        (int) Math.max(1, budgetRecheck.toSeconds())));
    }

    private boolean mayDecide(UnitAccess.Caller caller, Approval a) {
        if (caller.admin()) {
            return true;
        }
        boolean role = a.role() == null || caller.has(UserRole.valueOf(a.role()));
        boolean unit = a.orgUnitId() == null
                ? access.within(caller, new OrgUnitId(a.runUnitId()))
                : access.within(caller, new OrgUnitId(a.orgUnitId()));
        return role && unit;
    }

    private Run readable(UUID runId) {
        Run run = runs.findRun(runId)
                .orElseThrow(() -> new WorkflowExceptions.NotFound("run " + runId + " does not exist"));
        if (!access.canRead(access.caller(), new OrgUnitId(run.orgUnitId()))) {
            throw new WorkflowExceptions.NotFound("run " + runId + " does not exist");
        }
        return run;
    }

    /** The run's inputs checked against the typed inputs: defaults filled in, each problem named. */
    public static ObjectNode acceptInputs(WorkflowDefinition definition, JsonNode given) {
        JsonNode values = given == null || given.isNull() ? JsonNodeFactory.instance.objectNode() : given;
        if (!values.isObject()) {
            throw new WorkflowExceptions.BadInput("inputs", "inputs are a JSON object of input name to value");
        }
        ObjectNode accepted = JsonNodeFactory.instance.objectNode();
        Set<String> declared = new HashSet<>();
        for (Variable input : definition.inputs()) {
            declared.add(input.name());
            JsonNode value = values.get(input.name());
            if (value == null || value.isNull()) {
                if (input.defaultValue() != null) {
                    accepted.set(input.name(), input.defaultValue());
                } else if (input.isRequired()) {
                    throw new WorkflowExceptions.BadInput("inputs." + input.name(), "this input is required");
                }
                continue;
            }
            switch (input.type().accept(value, input.options())) {
                case VariableType.Accepted.Value ok -> accepted.set(input.name(), ok.value());
                case VariableType.Accepted.Mistyped bad ->
                    throw new WorkflowExceptions.BadInput("inputs." + input.name(), bad.reason());
            }
        }
        for (var entry : values.properties()) {
            if (!declared.contains(entry.getKey())) {
                throw new WorkflowExceptions.BadInput(
                        "inputs." + entry.getKey(), "the workflow has no input '" + entry.getKey() + "'");
            }
        }
        return accepted;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
