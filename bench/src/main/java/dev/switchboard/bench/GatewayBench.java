package dev.switchboard.bench;

import dev.switchboard.SwitchboardApplication;
import dev.switchboard.bench.BenchOptions.Mode;
import dev.switchboard.bench.Report.Row;
import dev.switchboard.bench.Report.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./switchboard bench gateway}: the gateway's overhead, measured. Starts the real application
 * in-process (every role, embedded Temporal, the {@code switchboard_bench} database, profile {@code
 * bench}) and a zero-latency local upstream registered in its catalog, then drives four scenarios per
 * mode with the same client and body: the upstream directly (the baseline) and through the gateway
 * (key check, routing, policy, upstream call, ledger row committed before the answer), each plain and
 * streamed. Prints requests per second, latency percentiles, what the gateway adds, the issue's
 * targets and a ledger check (one row per successful call: the ledger is on and loses nothing). Exits
 * with 3 when the ledger check fails; a missed speed target is reported, not an error.
 */
public final class GatewayBench {

    private GatewayBench() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status = 1;
        try (LocalUpstream upstream = LocalUpstream.start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class)
                        .profiles("bench")
                        .run();
                ChatCalls calls = new ChatCalls()) {
            status = run(options, upstream, app, calls) ? 0 : 3;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            // Temporal's and the app's non-daemon threads would keep the JVM alive
            System.exit(status);
        }
    }

    private static boolean run(
            BenchOptions options, LocalUpstream upstream, ConfigurableApplicationContext app, ChatCalls calls) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String masterKey = app.getEnvironment().getRequiredProperty("switchboard.security.master-key");
        BenchSetup.Registered registered =
                new BenchSetup(URI.create("http://127.0.0.1:" + port), masterKey).register(upstream.baseUrl());
        URI gateway = URI.create("http://127.0.0.1:" + port + "/v1/chat/completions");
        URI direct = URI.create(upstream.baseUrl() + "/chat/completions");

        ServedCalls served = new ServedCalls();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Runnable checkLedger = () -> served.checkAgainst(jdbc, registered.consumerKeyId());
        Map<Scenario, ChatCalls.Call> scenarios = new LinkedHashMap<>();
        scenarios.put(Scenario.DIRECT_PLAIN, calls.chat(direct, BenchSetup.UPSTREAM_KEY, BenchSetup.UPSTREAM_MODEL));
        scenarios.put(
                Scenario.GATEWAY_PLAIN,
                served.counting(calls.chat(gateway, registered.consumerKey(), BenchSetup.MODEL)));
        scenarios.put(
                Scenario.DIRECT_STREAM, calls.chatStream(direct, BenchSetup.UPSTREAM_KEY, BenchSetup.UPSTREAM_MODEL));
        scenarios.put(
                Scenario.GATEWAY_STREAM,
                served.counting(calls.chatStream(gateway, registered.consumerKey(), BenchSetup.MODEL)));

        Report report = new Report(System.out);
        report.environment(options);
        // The JIT first: every scenario under full load for three warm-ups, so that the first mode
        // measured (one worker) neither runs on interpreted or C1 code the later ones have left behind
        // nor shares the two cores with C2 (after 5 s per scenario it still took 40 % of a core).
        scenarios.forEach((scenario, call) -> {
            System.out.printf("   warming up %s ...%n", scenario.label);
            Load.closedLoop(call, options.concurrency(), options.warmup().multipliedBy(3));
            checkLedger.run();
        });
        Map<Mode, List<Row>> results = new EnumMap<>(Mode.class);
        for (Mode mode : options.modes()) {
            List<Row> rows = new ArrayList<>();
            scenarios.forEach((scenario, call) -> {
                System.out.printf(
                        "   running %-10s %s ...%n", mode.name().toLowerCase(java.util.Locale.ROOT), scenario.label);
                measure(mode, options, call, options.warmup());
                checkLedger.run();
                rows.add(new Row(scenario, measure(mode, options, call, options.duration())));
                checkLedger.run();
            });
            results.put(mode, rows);
            report.mode(mode, options, rows);
        }
        report.targets(results, options);
        return report.ledger(ledgerCheck(jdbc, registered, served));
    }

    private static Load.Measurement measure(Mode mode, BenchOptions options, ChatCalls.Call call, Duration time) {
        return switch (mode) {
            case SEQUENTIAL -> Load.closedLoop(call, 1, time);
            case THROUGHPUT -> Load.closedLoop(call, options.concurrency(), time);
            case RATE -> Load.fixedRate(call, options.rate(), time);
        };
    }

    private static Report.LedgerCheck ledgerCheck(
            JdbcClient jdbc, BenchSetup.Registered registered, ServedCalls served) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql("SELECT status, count(*) FROM usage_ledger WHERE api_key_id = ? GROUP BY status ORDER BY status")
                .param(registered.consumerKeyId())
                .query((rs, n) -> byStatus.put(rs.getString(1), rs.getLong(2)))
                .list();
        long rows = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Report.LedgerCheck(served.succeeded(), served.failed(), rows, byStatus, served.missing());
    }
}
