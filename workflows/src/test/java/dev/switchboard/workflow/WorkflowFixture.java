package dev.switchboard.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testsupport.ApiClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for the workflow ITs: demo users, units, workflows published over HTTP, runs awaited. */
final class WorkflowFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private WorkflowFixture() {}

    static ApiClient alice(int port) {
        return ApiClient.as(port, "alice", "alice-demo-pass");
    }

    static ApiClient admin(int port) {
        return ApiClient.as(port, "admin", "admin-demo-pass");
    }

    static UUID unit(int port, String name) {
        for (JsonNode unit : ApiClient.asMaster(port).get("/api/v1/org-units").json()) {
            if (unit.path("name").asString().equals(name)) {
                return UUID.fromString(unit.path("id").asString());
            }
        }
        throw new AssertionError("no org unit " + name);
    }

    /** A unique key per test, so tests never collide in the shared test database. */
    static String key(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates and publishes a workflow in {@code unit} as {@code who}; returns its id. */
    static UUID publish(ApiClient who, UUID unit, String json) {
        ApiClient.Response created = who.post("/api/v1/workflows?orgUnitId=" + unit, JSON.readTree(json));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.text("workflowId"));
        ApiClient.Response published = who.post("/api/v1/workflows/" + id + "/publish", null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }

    /** Starts a run and returns its id. */
    static UUID start(ApiClient who, UUID workflow, Map<String, Object> body) {
        ApiClient.Response started = who.post("/api/v1/workflows/" + workflow + "/runs", body);
        assertThat(started.status()).as(started.body()).isIn(200, 202);
        return UUID.fromString(started.text("id"));
    }

    /** Polls a run until its status is one of {@code statuses} (or fails after {@code within}). */
    static JsonNode awaitStatus(ApiClient who, UUID run, Duration within, String... statuses) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = who.get("/api/v1/runs/" + run).json();
            for (String status : statuses) {
                if (status.equals(last.path("status").asString())) {
                    return last;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("run " + run + " did not reach " + String.join("/", statuses) + ": " + last);
    }

    /** Ledger rows of a run per step id: how often each step was charged. */
    static Map<String, Long> chargesPerStep(JdbcClient jdbc, UUID run) {
        return jdbc
                .sql("SELECT step_id, count(*) AS n FROM usage_ledger WHERE workflow_run_id = :run GROUP BY step_id")
                .param("run", run.toString())
                .query((rs, i) -> Map.entry(rs.getString("step_id"), rs.getLong("n")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Writes a run's Temporal history for {@code InterpreterReplayTest} when asked to with {@code
     * -Dswitchboard.record-histories=<dir>} (workflows/src/test/resources/histories).
     */
    static void recordHistory(io.temporal.client.WorkflowClient temporal, UUID runId, String file) {
        String dir = System.getProperty("switchboard.record-histories");
        if (dir == null) {
            return;
        }
        try {
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of(dir, file),
                    temporal.fetchHistory(runId.toString()).toJson(true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long retailOfRun(JdbcClient jdbc, UUID run) {
        return jdbc.sql("SELECT COALESCE(SUM(retail_micros), 0) FROM usage_ledger WHERE workflow_run_id = :run")
                .param("run", run.toString())
                .query(Long.class)
                .single();
    }
}
