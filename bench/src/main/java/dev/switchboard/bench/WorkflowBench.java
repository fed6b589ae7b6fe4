package dev.switchboard.bench;

import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayService;
import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.OrgUnitId;
import dev.switchboard.workflow.Run;
import dev.switchboard.workflow.WorkflowRuns;
import dev.switchboard.workflow.WorkflowStore;
import dev.switchboard.workflow.WorkflowVersion;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./switchboard bench workflows}: steps per second of the workflow interpreter on the embedded
 * Temporal server, with the simulated provider at zero latency, and what the interpreter adds per step
 * over a bare activity call measured in the same run on the same server and client. Scenarios, each a
 * chain of {@code --steps} steps, run one at a time (latency per step) and {@code --concurrency} at a
 * time (throughput):
 * <ol>
 *   <li>bare: a hand-written workflow calling a do-nothing activity ({@link BareSteps});
 *   <li>interpreter, transform steps: workflow code and the run journal only, no activity;
 *   <li>interpreter, llm steps: each a model call through the router, charged and in the ledger.
 * </ol>
 * At the end every llm run must have exactly one ledger row per step. Exits with 3 when it has not.
 */
public final class WorkflowBench {

    static final String MODEL = "sim-fast/sim-chat";

    private WorkflowBench() {}

    /** {@code --steps=20 --runs=30 --concurrency=8}. */
    record Options(int steps, int runs, int concurrency) {
        static Options parse(String[] args) {
            int steps = 20;
            int runs = 30;
            int concurrency = 8;
            for (String arg : args) {
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                if (kv.length != 2 || !arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
                }
                switch (kv[0]) {
                    case "steps" -> steps = Integer.parseInt(kv[1]);
                    case "runs" -> runs = Integer.parseInt(kv[1]);
                    case "concurrency" -> concurrency = Integer.parseInt(kv[1]);
                    default -> throw new IllegalArgumentException("unknown option --" + kv[0] + "\n" + USAGE);
                }
            }
            if (steps < 1 || runs < 2 || concurrency < 1) {
                throw new IllegalArgumentException("--steps and --concurrency must be positive, --runs at least 2");
            }
            return new Options(steps, runs, concurrency);
        }

        static final String USAGE = "Usage: ./switchboard bench workflows [--steps=20] [--runs=30] [--concurrency=8]";
    }

    /** One scenario in one mode: wall time and each run's duration. */
    record Measured(String scenario, int concurrency, int runs, int steps, double seconds, List<Double> runMillis) {
        double stepsPerSecond() {
            return runs * (double) steps / seconds;
        }

        /** The median run's time divided by its steps. */
        double msPerStep() {
            double[] sorted =
                    runMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted[sorted.length / 2] / steps;
        }
    }

    public static void main(String[] args) {
        InProcessApp.main(args, Options::parse, WorkflowBench::run);
    }

    private static boolean run(Options options, ConfigurableApplicationContext app) throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "bench", null, List.of(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"))));
        WorkflowClient client = app.getBean(WorkflowClient.class);
        WorkerFactory bare = WorkerFactory.newInstance(client);
        Worker worker = bare.newWorker(BareSteps.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(BareSteps.ChainImpl.class);
        worker.registerActivitiesImplementations(new BareSteps.StepImpl());
        bare.start();

        WorkflowStore store = app.getBean(WorkflowStore.class);
        WorkflowRuns runs = app.getBean(WorkflowRuns.class);
        OrgUnitId unit = department(app.getBean(OrgService.class));
        UUID transforms = published(store, unit, "bench-transforms", chain(options.steps(), false));
        UUID models = published(store, unit, "bench-llm", chain(options.steps(), true));

        System.out.printf(
                Locale.ROOT,
                "%n== Switchboard workflow benchmark ==%nmachine   %d cores; load average %.2f at start (shared)%n"
                        + "server    embedded Temporal test server, in this JVM; provider %s at zero latency%n"
                        + "chains    %d steps per run; %d runs one at a time, then %d runs %d at a time%n%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                MODEL,
                options.steps(),
                options.runs(),
                options.runs() * 2,
                options.concurrency());

        Supplier<Runnable> bareRun = () -> () -> client.newWorkflowStub(
                        BareSteps.Chain.class,
                        WorkflowOptions.newBuilder()
                                .setTaskQueue(BareSteps.TASK_QUEUE)
                                .setWorkflowId("bench-bare-" + UUID.randomUUID())
                                .build())
                .run(options.steps());
        ConcurrentLinkedQueue<UUID> llmRuns = new ConcurrentLinkedQueue<>();
        GatewayService gateway = app.getBean(GatewayService.class);
        Supplier<Runnable> routerRun = () -> () -> {
            for (int i = 1; i <= options.steps(); i++) {
                gateway.chat(ChargeContext.of(unit), routerBody(i), null);
            }
        };
        Supplier<Runnable> transformRun = () -> () -> interpreted(runs, transforms, unit, null);
        Supplier<Runnable> llmRun = () -> () -> interpreted(runs, models, unit, llmRuns);

        measure("warm-up", bareRun, 1, Math.min(5, options.runs()), options.steps());
        measure("warm-up", transformRun, 1, Math.min(5, options.runs()), options.steps());
        measure("warm-up", llmRun, 1, Math.min(5, options.runs()), options.steps());
        measure("warm-up", routerRun, 1, Math.min(5, options.runs()), options.steps());
        llmRuns.clear();

        List<Measured> results = new ArrayList<>();
        for (int concurrency : new int[] {1, options.concurrency()}) {
            int count = concurrency == 1 ? options.runs() : options.runs() * 2;
            results.add(measure("bare activity calls", bareRun, concurrency, count, options.steps()));
            results.add(measure("interpreter, transform steps", transformRun, concurrency, count, options.steps()));
            results.add(measure("interpreter, llm steps", llmRun, concurrency, count, options.steps()));
            results.add(measure("router calls, no workflow", routerRun, concurrency, count, options.steps()));
        }
        bare.shutdownNow();

        System.out.printf(
                "%-30s %12s %12s %12s %14s%n", "scenario", "concurrency", "steps/s", "ms/step p50", "vs bare");
        for (Measured m : results) {
            Measured baseline = results.stream()
                    .filter(b ->
                            b.concurrency() == m.concurrency() && b.scenario().startsWith("bare"))
                    .findFirst()
                    .orElseThrow();
            String versus = m == baseline
                    ? "baseline"
                    : String.format(Locale.ROOT, "%+.2f ms/step", m.msPerStep() - baseline.msPerStep());
            System.out.printf(
                    Locale.ROOT,
                    "%-30s %12d %12.0f %12.2f %14s%n",
                    m.scenario(),
                    m.concurrency(),
                    m.stepsPerSecond(),
                    m.msPerStep(),
                    versus);
        }
        for (int concurrency : new int[] {1, options.concurrency()}) {
            double bareMs = msPerStep(results, "bare", concurrency);
            double llmMs = msPerStep(results, "interpreter, llm", concurrency);
            double routerMs = msPerStep(results, "router", concurrency);
            System.out.printf(
                    Locale.ROOT,
                    "concurrency %d: an llm step takes %.2f ms = bare activity %.2f + router call %.2f"
                            + " + interpreter and step journal %.2f%n",
                    concurrency,
                    llmMs,
                    bareMs,
                    routerMs,
                    llmMs - bareMs - routerMs);
        }
        for (Measured m : results) {
            if (!m.scenario().startsWith("bare") && !m.scenario().startsWith("router")) {
                Measured baseline = results.stream()
                        .filter(b -> b.concurrency() == m.concurrency()
                                && b.scenario().startsWith("bare"))
                        .findFirst()
                        .orElseThrow();
                System.out.printf(
                        Locale.ROOT,
                        "ratio %-28s at concurrency %d: %.2fx the bare steps/s%n",
                        m.scenario(),
                        m.concurrency(),
                        m.stepsPerSecond() / baseline.stepsPerSecond());
            }
        }
        return ledgerHolds(app.getBean(JdbcClient.class), llmRuns, options.steps());
    }

    private static double msPerStep(List<Measured> results, String prefix, int concurrency) {
        return results.stream()
                .filter(m -> m.concurrency() == concurrency && m.scenario().startsWith(prefix))
                .findFirst()
                .orElseThrow()
                .msPerStep();
    }

    /** The body an llm step of the chain sends. */
    private static ObjectNode routerBody(int step) {
        ObjectNode body =
                JsonNodeFactory.instance.objectNode().put("model", MODEL).put("max_tokens", 16);
        body.putArray("messages").addObject().put("role", "user").put("content", "Step " + step);
        return body;
    }

    /** Every llm run charged exactly once per step: no step missing, none charged twice. */
    private static boolean ledgerHolds(JdbcClient jdbc, ConcurrentLinkedQueue<UUID> llmRuns, int steps) {
        List<String> ids = llmRuns.stream().map(UUID::toString).toList();
        long rows = jdbc.sql("SELECT count(*) FROM usage_ledger WHERE workflow_run_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
        long distinct = jdbc.sql("SELECT count(DISTINCT (workflow_run_id, step_id)) FROM usage_ledger"
                        + " WHERE workflow_run_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
        long expected = (long) ids.size() * steps;
        boolean holds = rows == expected && distinct == expected;
        System.out.printf(
                Locale.ROOT,
                "%nledger    %d llm runs x %d steps = %d charges expected; %d ledger rows, %d distinct steps: %s%n",
                ids.size(),
                steps,
                expected,
                rows,
                distinct,
                holds ? "OK" : "MISMATCH");
        return holds;
    }

    private static void interpreted(WorkflowRuns runs, UUID workflow, OrgUnitId unit, ConcurrentLinkedQueue<UUID> ids) {
        Run started = runs.start(workflow, null, JsonNodeFactory.instance.objectNode(), unit);
        Run done = runs.await(started.id(), Duration.ofMinutes(5));
        if (!"SUCCEEDED".equals(done.status())) {
            throw new IllegalStateException("run " + done.id() + " ended " + done.status() + ": " + done.error());
        }
        if (ids != null) {
            ids.add(done.id());
        }
    }

    private static Measured measure(String name, Supplier<Runnable> run, int concurrency, int count, int steps)
            throws Exception {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        List<Double> millis = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(authentication);
                    long t = System.nanoTime();
                    run.get().run();
                    millis.add((System.nanoTime() - t) / 1e6);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return new Measured(name, concurrency, count, steps, (System.nanoTime() - start) / 1e9, millis);
    }

    private static UUID published(WorkflowStore store, OrgUnitId unit, String prefix, ObjectNode definition) {
        String key = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        definition.put("key", key);
        WorkflowVersion created =
                store.create(unit, JsonMapper.builder().build().writeValueAsString(definition));
        return store.publish(created.workflowId()).workflowId();
    }

    /** start → s1 → ... → sN → end, each step a transform or an llm call. */
    static ObjectNode chain(int steps, boolean llm) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode definition =
                f.objectNode().put("schemaVersion", 1).put("name", llm ? "LLM chain" : "Transform chain");
        ArrayNode nodes = definition.putArray("nodes");
        ArrayNode edges = definition.putArray("edges");
        nodes.addObject().put("id", "start").put("kind", "start");
        String previous = "start";
        for (int i = 1; i <= steps; i++) {
            String id = "s" + i;
            ObjectNode node = nodes.addObject().put("id", id);
            if (llm) {
                node.put("kind", "llm");
                node.putObject("settings").put("model", MODEL).put("maxTokens", 16);
                node.putArray("messages").addObject().put("role", "user").put("content", "Step " + i);
            } else {
                node.put("kind", "transform").put("value", "{{'step ' + " + i + "}}");
            }
            edges.addObject().put("from", previous).put("to", id);
            previous = id;
        }
        nodes.addObject().put("id", "end").put("kind", "end");
        edges.addObject().put("from", previous).put("to", "end");
        return definition;
    }

    /** A department of the demo organisation (Marketing when there is one). */
    private static OrgUnitId department(OrgService org) {
        return org.list(false).stream()
                .filter(u -> u.name().equals("Marketing"))
                .map(OrgUnit::id)
                .findFirst()
                .orElseGet(() -> org.company().id());
    }
}
