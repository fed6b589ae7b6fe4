package dev.switchboard.workflow;

import static dev.switchboard.workflow.WorkflowFixture.alice;
import static dev.switchboard.workflow.WorkflowFixture.awaitStatus;
import static dev.switchboard.workflow.WorkflowFixture.chargesPerStep;
import static dev.switchboard.workflow.WorkflowFixture.key;
import static dev.switchboard.workflow.WorkflowFixture.publish;
import static dev.switchboard.workflow.WorkflowFixture.start;
import static dev.switchboard.workflow.WorkflowFixture.unit;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.temporal.TemporalProperties;
import dev.switchboard.testsupport.ApiClient;
import dev.switchboard.testsupport.IntegrationTest;
import dev.switchboard.workflow.engine.InterpreterWorkflowImpl;
import dev.switchboard.workflow.engine.RunJournal;
import dev.switchboard.workflow.engine.StepActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A run survives its worker: the worker is stopped mid-run and a new one (as a restarted process
 * would start) finishes it, every step executed and charged exactly once. The context is discarded
 * afterwards, since its own worker is gone.
 */
@IntegrationTest
@DirtiesContext
@TestPropertySource(
        properties = {
            "switchboard.connectors.http.allow=127.0.0.1",
        })
@org.springframework.context.annotation.Import(WorkflowDurabilityIT.NotSticky.class)
class WorkflowDurabilityIT {

    /**
     * Workers here do not ask for sticky workflow tasks. A real cluster hands a vanished worker's
     * sticky tasks back to the shared queue after the sticky schedule-to-start timeout (5 s); the
     * in-memory test server never does, so a replacement would wait forever. Without stickiness every
     * workflow task goes to the shared queue and is replayed from the history by whichever worker
     * polls it, which is what a replacement worker does on a cluster.
     */
    @org.springframework.boot.test.context.TestConfiguration
    static class NotSticky {
        @org.springframework.context.annotation.Bean
        io.temporal.spring.boot.TemporalOptionsCustomizer<WorkerOptions.Builder> notSticky() {
            return options -> options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkerFactory springWorkers;

    @Autowired
    WorkflowClient client;

    @Autowired
    TemporalProperties temporal;

    @Autowired
    StepActivities steps;

    @Autowired
    RunJournal journal;

    static WorkerFactory replacement;

    UUID marketing;
    ApiClient alice;
    HttpServer upstream;
    final CountDownLatch firstCallArrived = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        marketing = unit(port, "Marketing");
        alice = alice(port);
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        upstream.createContext("/slow", exchange -> {
            if (calls.incrementAndGet() == 1) {
                firstCallArrived.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        upstream.stop(0);
    }

    /**
     * Stops whichever worker runs now, as a redeploy does (activities still running after 5 s are
     * interrupted, as in a crash), and starts a fresh one. The stop is announced to the server, which
     * then gives the run's next workflow task to any worker. (After a crash a real cluster does the same
     * once the sticky schedule-to-start timeout passes; the in-memory test server never does.)
     */
    void replaceWorker() throws InterruptedException {
        WorkerFactory running = replacement != null ? replacement : springWorkers;
        running.shutdown();
        running.awaitTermination(5, TimeUnit.SECONDS);
        if (!running.isTerminated()) {
            running.shutdownNow();
            running.awaitTermination(10, TimeUnit.SECONDS);
        }
        replacement = WorkerFactory.newInstance(client);
        Worker worker = replacement.newWorker(
                temporal.taskQueue(),
                WorkerOptions.newBuilder()
                        .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
                        .build());
        worker.registerWorkflowImplementationTypes(InterpreterWorkflowImpl.class);
        worker.registerActivitiesImplementations(steps, journal);
        replacement.start();
    }

    @Test
    void a_worker_stopped_during_a_timer_is_replaced_and_the_run_finishes_with_each_step_charged_once()
            throws Exception {
        String json = """
                {"schemaVersion": 1, "key": "%s", "name": "Two drafts",
                 "nodes": [
                   {"id": "start", "kind": "start"},
                   {"id": "first", "kind": "llm", "settings": {"model": "sim-fast/sim-chat", "maxTokens": 20},
                    "messages": [{"role": "user", "content": "First"}]},
                   {"id": "pause", "kind": "wait", "duration": "PT3S"},
                   {"id": "second", "kind": "llm", "settings": {"model": "sim-fast/sim-chat", "maxTokens": 20},
                    "messages": [{"role": "user", "content": "Second after {{steps.first.output.text}}"}]},
                   {"id": "end", "kind": "end", "outputs": {"text": "{{steps.second.output.text}}"}}
                 ],
                 "edges": [{"from": "start", "to": "first"}, {"from": "first", "to": "pause"},
                           {"from": "pause", "to": "second"}, {"from": "second", "to": "end"}]}""".formatted(key("durable"));
        UUID workflow = publish(alice, marketing, json);
        UUID run = start(alice, workflow, Map.of());
        awaitStep(run, "pause");

        replaceWorker();

        JsonNode done = awaitStatus(alice, run, Duration.ofSeconds(60), "SUCCEEDED", "FAILED");
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(chargesPerStep(jdbc, run)).isEqualTo(Map.of("first", 1L, "second", 1L));
        for (JsonNode step : alice.get("/api/v1/runs/" + run).json().path("steps")) {
            assertThat(step.path("attempts").asInt()).as(step.toString()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void a_worker_stopped_during_an_activity_is_replaced_and_the_activity_retries_on_the_new_one() throws Exception {
        String json = """
                {"schemaVersion": 1, "key": "%s", "name": "Slow lookup",
                 "nodes": [
                   {"id": "start", "kind": "start"},
                   {"id": "draft", "kind": "llm", "settings": {"model": "sim-fast/sim-chat", "maxTokens": 20},
                    "messages": [{"role": "user", "content": "Draft"}]},
                   {"id": "lookup", "kind": "http", "input": {"method": "GET", "url": "http://127.0.0.1:%d/slow"},
                    "policy": {"timeout": "PT3S", "retry": {"maxAttempts": 5, "initialInterval": "PT0.2S"}}},
                   {"id": "end", "kind": "end", "outputs": {"ok": "{{steps.lookup.output.body.ok}}"}}
                 ],
                 "edges": [{"from": "start", "to": "draft"}, {"from": "draft", "to": "lookup"},
                           {"from": "lookup", "to": "end"}]}""".formatted(key("durable"), upstream.getAddress().getPort());
        UUID workflow = publish(alice, marketing, json);
        UUID run = start(alice, workflow, Map.of());
        assertThat(firstCallArrived.await(30, TimeUnit.SECONDS))
                .as("the lookup started")
                .isTrue();

        replaceWorker();
        release.countDown();

        JsonNode done = awaitStatus(alice, run, Duration.ofSeconds(60), "SUCCEEDED", "FAILED");
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("outputs").path("ok").asBoolean()).isTrue();
        assertThat(chargesPerStep(jdbc, run)).isEqualTo(Map.of("draft", 1L));
    }

    @Test
    void an_approval_wait_survives_a_worker_restart_and_the_decision_reaches_the_run() throws Exception {
        UUID workflow = publish(alice, marketing, WorkflowFlowsIT.APPROVAL.formatted(key("approve"), "P1D"));
        UUID run = start(alice, workflow, Map.of("inputs", Map.of("brief", "durable")));
        awaitStatus(alice, run, Duration.ofSeconds(30), "WAITING_FOR_APPROVAL");

        replaceWorker();
        String task = jdbc.sql("SELECT id::text FROM approval_task WHERE run_id = :run")
                .param("run", run)
                .query(String.class)
                .single();
        ApiClient.Response decided = alice.post("/api/v1/approvals/" + task + "/approve", Map.of("fields", Map.of()));

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode done = awaitStatus(alice, run, Duration.ofSeconds(30), "SUCCEEDED");
        assertThat(done.path("outputs").path("by").asString()).isEqualTo("alice");
    }

    private void awaitStep(UUID run, String stepKey) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Integer found = jdbc.sql("SELECT count(*) FROM workflow_step WHERE run_id = :run AND step_key = :key")
                    .param("run", run)
                    .param("key", stepKey)
                    .query(Integer.class)
                    .single();
            if (found > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("step " + stepKey + " of run " + run + " never started");
    }
}
