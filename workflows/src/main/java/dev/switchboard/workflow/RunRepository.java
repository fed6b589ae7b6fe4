package dev.switchboard.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code workflow_run}, {@code workflow_step} and {@code approval_task}: the run history people
 * search, written by the service when a run starts and by the engine's activities as it goes. Public
 * for the engine package only; views go through {@link WorkflowRuns}.
 */
@Repository
public class RunRepository {

    private final JdbcClient jdbc;

    RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertRun(
            UUID id,
            UUID workflowId,
            int version,
            UUID orgUnitId,
            String startedBy,
            String inputsJson,
            UUID retryOf,
            UUID parentRun,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO workflow_run (id, workflow_id, version, org_unit_id, started_by, status, inputs,
                                                  retry_of, parent_run, started_at)
                        VALUES (:id, :workflow, :version, :unit, :by, 'RUNNING', CAST(:inputs AS jsonb), :retryOf,
                                :parent, :at)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", id)
                .param("workflow", workflowId)
                .param("version", version)
                .param("unit", orgUnitId)
                .param("by", startedBy)
                .param("inputs", inputsJson)
                .param("retryOf", retryOf)
                .param("parent", parentRun)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Sets a run's status; a finished run (succeeded, failed, cancelled) keeps its end. */
    public void runStatus(UUID id, String status, String outputsJson, String error, String failedNode, Instant at) {
        boolean ends = Run.FINAL.contains(status);
        jdbc.sql("""
                        UPDATE workflow_run
                           SET status = :status,
                               outputs = COALESCE(CAST(:outputs AS jsonb), outputs),
                               error = :error,
                               failed_node = :failed,
                               ended_at = CASE WHEN CAST(:ends AS boolean) THEN CAST(:at AS timestamptz) ELSE NULL END
                         WHERE id = :id AND status NOT IN ('SUCCEEDED', 'FAILED', 'CANCELLED')""")
                .param("id", id)
                .param("status", status)
                .param("outputs", outputsJson)
                .param("error", error)
                .param("failed", failedNode)
                .param("ends", ends)
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<Run> findRun(UUID id) {
        return jdbc.sql(RUN_SELECT + " WHERE r.id = :id")
                .param("id", id)
                .query(RunRepository::run)
                .optional();
    }

    /** Runs matching every given filter (nulls match all), newest first. */
    public List<Run> searchRuns(UUID workflowId, String status, UUID orgUnitId, Instant from, Instant to, int limit) {
        return jdbc.sql(RUN_SELECT + "\n" + """
                         WHERE (CAST(:workflow AS uuid) IS NULL OR r.workflow_id = :workflow)
                           AND (CAST(:status AS text) IS NULL OR r.status = :status)
                           AND (CAST(:unit AS uuid) IS NULL OR r.org_unit_id = :unit)
                           AND (CAST(:from AS timestamptz) IS NULL OR r.started_at >= :from)
                           AND (CAST(:to AS timestamptz) IS NULL OR r.started_at < :to)
                         ORDER BY r.started_at DESC, r.id
                         LIMIT :limit""")
                .param("workflow", workflowId)
                .param("status", status)
                .param("unit", orgUnitId)
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .param("limit", limit)
                .query(RunRepository::run)
                .list();
    }

    private static final String RUN_SELECT = """
            SELECT r.id, r.workflow_id, w.key, r.version, r.org_unit_id, r.started_by, r.status, r.inputs::text,
                   r.outputs::text, r.error, r.failed_node, r.retry_of, r.parent_run, r.started_at, r.ended_at,
                   (SELECT COALESCE(SUM(s.cost_micros), 0) FROM workflow_step s WHERE s.run_id = r.id) AS cost,
                   (SELECT MIN(s.currency) FROM workflow_step s WHERE s.run_id = r.id) AS currency
              FROM workflow_run r JOIN workflow w ON w.id = r.workflow_id""";

    private static Run run(ResultSet rs, int row) throws SQLException {
        return new Run(
                rs.getObject("id", UUID.class),
                rs.getObject("workflow_id", UUID.class),
                rs.getString("key"),
                rs.getInt("version"),
                rs.getObject("org_unit_id", UUID.class),
                rs.getString("started_by"),
                rs.getString("status"),
                rs.getString("inputs"),
                rs.getString("outputs"),
                rs.getString("error"),
                rs.getString("failed_node"),
                rs.getObject("retry_of", UUID.class),
                rs.getObject("parent_run", UUID.class),
                rs.getTimestamp("started_at").toInstant(),
                instant(rs.getTimestamp("ended_at")),
                rs.getLong("cost"),
                rs.getString("currency"));
    }

    /** The step's row, if it was recorded. */
    public Optional<Step> findStep(UUID runId, String stepKey) {
        return jdbc.sql(STEP_SELECT + " WHERE run_id = :run AND step_key = :key")
                .param("run", runId)
                .param("key", stepKey)
                .query(RunRepository::step)
                .optional();
    }

    public List<Step> steps(UUID runId) {
        return jdbc.sql(STEP_SELECT + " WHERE run_id = :run ORDER BY started_at, step_key")
                .param("run", runId)
                .query(RunRepository::step)
                .list();
    }

    /**
     * An attempt begins: the row is created, or its attempts counted up (a retried activity), in one
     * statement. A step that already succeeded is left as it is and returned instead, so the caller
     * takes its output rather than doing (and paying for) the step again.
     *
     * @return empty when the attempt began; the stored step when it had succeeded before
     */
    public Optional<Step> stepStarted(
            UUID runId, String stepKey, String nodeId, String kind, String inputJson, Instant at) {
        int started = jdbc.sql("""
                        INSERT INTO workflow_step (run_id, step_key, node_id, kind, status, attempts, input, started_at)
                        VALUES (:run, :key, :node, :kind, 'RUNNING', 1, CAST(:input AS jsonb), :at)
                        ON CONFLICT (run_id, step_key) DO UPDATE
                           SET attempts = workflow_step.attempts + 1, status = 'RUNNING', error = NULL
                         WHERE workflow_step.status <> 'SUCCEEDED'""")
                .param("run", runId)
                .param("key", stepKey)
                .param("node", nodeId)
                .param("kind", kind)
                .param("input", inputJson)
                .param("at", Timestamp.from(at))
                .update();
        return started == 1 ? Optional.empty() : findStep(runId, stepKey);
    }

    /** The step's outcome; a step that already succeeded is never changed again. */
    public void stepFinished(
            UUID runId,
            String stepKey,
            String nodeId,
            String kind,
            String status,
            String outputJson,
            String error,
            long inputTokens,
            long outputTokens,
            long costMicros,
            String currency,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO workflow_step (run_id, step_key, node_id, kind, status, attempts, output, error,
                                                   input_tokens, output_tokens, cost_micros, currency, started_at,
                                                   ended_at)
                        VALUES (:run, :key, :node, :kind, :status, 1, CAST(:output AS jsonb), :error, :in, :out, :cost,
                                :currency, :at, :at)
                        ON CONFLICT (run_id, step_key) DO UPDATE
                           SET status = EXCLUDED.status, output = EXCLUDED.output, error = EXCLUDED.error,
                               input_tokens = workflow_step.input_tokens + EXCLUDED.input_tokens,
                               output_tokens = workflow_step.output_tokens + EXCLUDED.output_tokens,
                               cost_micros = workflow_step.cost_micros + EXCLUDED.cost_micros,
                               currency = COALESCE(EXCLUDED.currency, workflow_step.currency),
                               ended_at = EXCLUDED.ended_at
                         WHERE workflow_step.status <> 'SUCCEEDED'""")
                .param("run", runId)
                .param("key", stepKey)
                .param("node", nodeId)
                .param("kind", kind)
                .param("status", status)
                .param("output", outputJson)
                .param("error", error)
                .param("in", inputTokens)
                .param("out", outputTokens)
                .param("cost", costMicros)
                .param("currency", currency)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The outputs of a run's succeeded steps by step key: what a retry of the run reuses. */
    public Map<String, String> succeededOutputs(UUID runId) {
        return jdbc
                .sql("""
                        SELECT step_key, output::text AS output FROM workflow_step
                         WHERE run_id = :run AND status IN ('SUCCEEDED', 'REUSED') AND output IS NOT NULL
                           AND kind IN ('llm', 'agent', 'http', 'map', 'sub_workflow')""")
                .param("run", runId)
                .query((rs, row) -> Map.entry(rs.getString("step_key"), rs.getString("output")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static final String STEP_SELECT = """
            SELECT run_id, step_key, node_id, kind, status, attempts, input::text AS input, output::text AS output,
                   error, input_tokens, output_tokens, cost_micros, currency, started_at, ended_at
              FROM workflow_step""";

    private static Step step(ResultSet rs, int row) throws SQLException {
        return new Step(
                rs.getObject("run_id", UUID.class),
                rs.getString("step_key"),
                rs.getString("node_id"),
                rs.getString("kind"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getString("input"),
                rs.getString("output"),
                rs.getString("error"),
                rs.getLong("input_tokens"),
                rs.getLong("output_tokens"),
                rs.getLong("cost_micros"),
                rs.getString("currency") == null
                        ? null
                        : rs.getString("currency").strip(),
                rs.getTimestamp("started_at").toInstant(),
                instant(rs.getTimestamp("ended_at")));
    }

    public void openApproval(
            UUID runId,
            String stepKey,
            String nodeId,
            String title,
            String instructions,
            String role,
            UUID orgUnitId,
            String fieldsJson,
            Instant dueAt,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO approval_task (id, run_id, step_key, node_id, title, instructions, role, org_unit_id,
                                                   fields, status, created_at, due_at)
                        VALUES (:id, :run, :key, :node, :title, :instructions, :role, :unit, CAST(:fields AS jsonb),
                                'OPEN', :at, :due)
                        ON CONFLICT (run_id, step_key) DO NOTHING""")
                .param("id", UUID.randomUUID())
                .param("run", runId)
                .param("key", stepKey)
                .param("node", nodeId)
                .param("title", title)
                .param("instructions", instructions)
                .param("role", role)
                .param("unit", orgUnitId)
                .param("fields", fieldsJson)
                .param("at", Timestamp.from(at))
                .param("due", Timestamp.from(dueAt))
                .update();
    }

    /** Closes an open task; false when it was no longer open (someone decided first). */
    public boolean closeApproval(UUID taskId, String status, String decidedBy, String decisionJson, Instant at) {
        return jdbc.sql("""
                        UPDATE approval_task SET status = :status, decided_by = :by, decision = CAST(:decision AS jsonb),
                                                 decided_at = :at
                         WHERE id = :id AND status = 'OPEN'""")
                        .param("id", taskId)
                        .param("status", status)
                        .param("by", decidedBy)
                        .param("decision", decisionJson)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    public Optional<UUID> approvalId(UUID runId, String stepKey) {
        return jdbc.sql("SELECT id FROM approval_task WHERE run_id = :run AND step_key = :key")
                .param("run", runId)
                .param("key", stepKey)
                .query(UUID.class)
                .optional();
    }

    public Optional<Approval> findApproval(UUID id) {
        return jdbc.sql(APPROVAL_SELECT + " WHERE a.id = :id")
                .param("id", id)
                .query(RunRepository::approval)
                .optional();
    }

    /** Open tasks, oldest first; the service filters them to what the caller may decide. */
    public List<Approval> openApprovals() {
        return jdbc.sql(APPROVAL_SELECT + " WHERE a.status = 'OPEN' ORDER BY a.created_at, a.id")
                .query(RunRepository::approval)
                .list();
    }

    /** Open approvals of a run: cancelled with it. */
    public void cancelApprovals(UUID runId, Instant at) {
        jdbc.sql(
                        "UPDATE approval_task SET status = 'CANCELLED', decided_at = :at WHERE run_id = :run AND status = 'OPEN'")
                .param("run", runId)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static final String APPROVAL_SELECT = """
            SELECT a.id, a.run_id, a.step_key, a.node_id, a.title, a.instructions, a.role, a.org_unit_id,
                   a.fields::text AS fields, a.status, a.decided_by, a.decision::text AS decision, a.created_at,
                   a.due_at, a.decided_at, r.org_unit_id AS run_unit, w.key AS workflow_key
              FROM approval_task a JOIN workflow_run r ON r.id = a.run_id JOIN workflow w ON w.id = r.workflow_id""";

    private static Approval approval(ResultSet rs, int row) throws SQLException {
        return new Approval(
                rs.getObject("id", UUID.class),
                rs.getObject("run_id", UUID.class),
                rs.getString("workflow_key"),
                rs.getString("step_key"),
                rs.getString("node_id"),
                rs.getString("title"),
                rs.getString("instructions"),
                rs.getString("role"),
                rs.getObject("org_unit_id", UUID.class),
                rs.getObject("run_unit", UUID.class),
                rs.getString("fields"),
                rs.getString("status"),
                rs.getString("decided_by"),
                rs.getString("decision"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(),
                instant(rs.getTimestamp("decided_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
