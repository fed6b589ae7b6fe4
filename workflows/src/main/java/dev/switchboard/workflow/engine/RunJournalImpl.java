package dev.switchboard.workflow.engine;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.temporal.TemporalProperties;
import dev.switchboard.workflow.RunRepository;
import dev.switchboard.workflow.WorkflowStore;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes what a run says about itself into the run history (see {@link RunJournal}). */
@Component
@ActivityImpl(workers = TemporalProperties.WORKER)
class RunJournalImpl implements RunJournal {

    private final RunRepository runs;
    private final WorkflowStore store;
    private final OrgService org;
    private final Clock clock;

    RunJournalImpl(RunRepository runs, WorkflowStore store, OrgService org, Clock clock) {
        this.runs = runs;
        this.store = store;
        this.org = org;
        this.clock = clock;
    }

    @Override
    public void runStatus(String runId, String status, String outputsJson, String error, String failedNode) {
        UUID id = UUID.fromString(runId);
        runs.runStatus(id, status, outputsJson, error, failedNode, clock.instant());
        if ("CANCELLED".equals(status)) {
            runs.cancelApprovals(id, clock.instant());
        }
    }

    @Override
    public void step(
            String runId, String stepKey, String nodeId, String kind, String status, String outputJson, String error) {
        runs.stepFinished(
                UUID.fromString(runId),
                stepKey,
                nodeId,
                kind,
                status,
                outputJson,
                error,
                0,
                0,
                0,
                null,
                clock.instant());
    }

    @Override
    public void openApproval(
            String runId,
            String stepKey,
            String nodeId,
            String title,
            String instructions,
            String role,
            String orgUnit,
            String fieldsJson,
            long dueAtMillis) {
        Instant now = clock.instant();
        runs.stepStarted(UUID.fromString(runId), stepKey, nodeId, "approval", null, now);
        runs.openApproval(
                UUID.fromString(runId),
                stepKey,
                nodeId,
                title,
                instructions,
                role,
                unitId(orgUnit),
                fieldsJson,
                Instant.ofEpochMilli(dueAtMillis),
                now);
    }

    @Override
    public void closeApproval(String runId, String stepKey, String status) {
        runs.approvalId(UUID.fromString(runId), stepKey)
                .ifPresent(id -> runs.closeApproval(id, status, null, null, clock.instant()));
    }

    @Override
    public void childRun(String childRunId, String parentRunId, String workflowKey, int version, String inputsJson) {
        var parent = runs.findRun(UUID.fromString(parentRunId)).orElseThrow();
        runs.insertRun(
                UUID.fromString(childRunId),
                store.idOf(workflowKey),
                version,
                parent.orgUnitId(),
                parent.startedBy(),
                inputsJson,
                null,
                parent.id(),
                clock.instant());
    }

    /** An approval's org unit by id or by name; unknown names leave it to the role alone. */
    private UUID unitId(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        return org.list(false).stream()
                .filter(u -> u.id().value().toString().equals(unit) || u.name().equalsIgnoreCase(unit))
                .map(OrgUnit::id)
                .map(id -> id.value())
                .findFirst()
                .orElse(null);
    }
}
