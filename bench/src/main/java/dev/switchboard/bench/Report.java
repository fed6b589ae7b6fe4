package dev.switchboard.bench;

import dev.switchboard.bench.BenchOptions.Mode;
import dev.switchboard.bench.Load.Measurement;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Prints what the benchmark measured: the set-up, one table per mode, the targets, the ledger check. */
final class Report {

    /** The targets of the gateway issue, on the 2-core machine with the load generator included. */
    static final double TARGET_PER_SECOND = 2_000;

    static final double TARGET_ADDED_P50_MS = 1.0;
    static final double TARGET_ADDED_P99_MS = 5.0;

    /** One scenario's result in one mode. */
    record Row(Scenario scenario, Measurement measurement) {}

    /** The four scenarios, in the order they run: each baseline right before its gateway run. */
    enum Scenario {
        DIRECT_PLAIN("direct   non-streaming", false, false),
        GATEWAY_PLAIN("gateway  non-streaming", true, false),
        DIRECT_STREAM("direct   streaming", false, true),
        GATEWAY_STREAM("gateway  streaming", true, true);

        final String label;
        final boolean gateway;
        final boolean streaming;

        Scenario(String label, boolean gateway, boolean streaming) {
            this.label = label;
            this.gateway = gateway;
            this.streaming = streaming;
        }
    }

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void environment(BenchOptions options) {
        var runtime = ManagementFactory.getRuntimeMXBean();
        out.println();
        out.println("== Switchboard gateway benchmark ==");
        out.printf(
                Locale.ROOT,
                "machine   %d cores, load average %.2f at start%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "jvm       %s %s%n", runtime.getVmName(), runtime.getVmVersion());
        out.printf("jvm flags %s%n", String.join(" ", runtime.getInputArguments()));
        out.printf(
                "gc        %s, max heap %d MB%n",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(b -> b.getName())
                        .toList(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.printf(
                Locale.ROOT,
                "load      warm-up %.1f s, then %.1f s per scenario; throughput: %d workers; fixed rate: %d req/s%n",
                options.warmup().toMillis() / 1000.0,
                options.duration().toMillis() / 1000.0,
                options.concurrency(),
                options.rate());
        out.println(
                "          one pooled Apache HttpClient (HTTP/1.1, keep-alive) for direct and gateway calls, same body;"
                        + " the app, the upstream and the load generator share this JVM and these cores");
        out.println("cpu       us/req: CPU time of this JVM and of the PostgreSQL processes per successful request"
                + " (steadier than req/s when other work shares the machine); the added figure is the gateway's own");
        out.println();
    }

    void mode(Mode mode, BenchOptions options, List<Row> rows) {
        // other work on the machine (builds, tests) shows in the tails: say how busy it was
        out.printf(
                Locale.ROOT,
                "(load average %.2f after this mode)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.println(
                switch (mode) {
                    case SEQUENTIAL -> "-- sequential: 1 worker, one request at a time (latency of an idle system) --";
                    case THROUGHPUT ->
                        "-- throughput: " + options.concurrency() + " workers back to back (most req/s) --";
                    case RATE ->
                        "-- fixed rate: " + options.rate()
                                + " req/s, open loop, latency from when each request was due --";
                });
        out.printf(
                "%-24s %9s %8s %6s %8s %8s %8s %8s %9s %9s %11s %10s%n",
                "scenario",
                "req/s",
                "ok",
                "failed",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "ttft p50",
                "ttft p99",
                "cpu us/req",
                "of it db");
        Measurement baseline = null;
        for (Row row : rows) {
            Measurement m = row.measurement();
            Histogram l = m.latency();
            boolean streaming = row.scenario().streaming;
            out.printf(
                    Locale.ROOT,
                    "%-24s %9.1f %8d %6d %8.3f %8.3f %8.3f %8.3f %9s %9s %11.0f %10.0f%n",
                    row.scenario().label,
                    m.perSecond(),
                    m.ok(),
                    m.failed(),
                    ms(l, 50),
                    ms(l, 90),
                    ms(l, 99),
                    l.getMaxValue() / 1000.0,
                    streaming ? format(ms(m.ttft(), 50)) : "-",
                    streaming ? format(ms(m.ttft(), 99)) : "-",
                    m.cpuMicrosPerRequest(),
                    m.databaseCpuMicrosPerRequest());
            if (m.firstFailure() != null) {
                out.println("    first failure: " + m.firstFailure());
            }
            if (!row.scenario().gateway) {
                baseline = m;
            } else if (baseline != null) {
                out.printf(
                        Locale.ROOT,
                        "  %-22s %8.2fx %24s %+8.3f %8s %+8.3f %29s %+11.0f %+10.0f%n",
                        "added by the gateway",
                        m.perSecond() / baseline.perSecond(),
                        "(req/s ratio; latency: gateway - direct)",
                        ms(l, 50) - ms(baseline.latency(), 50),
                        "",
                        ms(l, 99) - ms(baseline.latency(), 99),
                        "",
                        m.cpuMicrosPerRequest() - baseline.cpuMicrosPerRequest(),
                        m.databaseCpuMicrosPerRequest() - baseline.databaseCpuMicrosPerRequest());
            }
        }
        out.println();
    }

    /** The targets against what the throughput and fixed-rate modes measured. */
    void targets(Map<Mode, List<Row>> results, BenchOptions options) {
        out.println("-- targets (2 cores, load generator included) --");
        List<Row> throughput = results.get(Mode.THROUGHPUT);
        for (Scenario s : List.of(Scenario.GATEWAY_PLAIN, Scenario.GATEWAY_STREAM)) {
            if (throughput == null) {
                out.println("  throughput: not measured (--modes without throughput)");
                break;
            }
            double perSecond = find(throughput, s).perSecond();
            verdict(
                    String.format(Locale.ROOT, "%s req/s >= %.0f", s.label.strip(), TARGET_PER_SECOND),
                    String.format(Locale.ROOT, "%.0f", perSecond),
                    perSecond >= TARGET_PER_SECOND);
        }
        List<Row> rate = results.get(Mode.RATE);
        if (rate == null) {
            out.println("  added latency: not measured (--modes without rate)");
        } else {
            for (Scenario s : List.of(Scenario.GATEWAY_PLAIN, Scenario.GATEWAY_STREAM)) {
                Measurement gateway = find(rate, s);
                Measurement direct = find(rate, s.streaming ? Scenario.DIRECT_STREAM : Scenario.DIRECT_PLAIN);
                double p50 = ms(gateway.latency(), 50) - ms(direct.latency(), 50);
                double p99 = ms(gateway.latency(), 99) - ms(direct.latency(), 99);
                String at = " at " + options.rate() + " req/s";
                verdict(
                        s.label.strip() + " added p50 <= " + TARGET_ADDED_P50_MS + " ms" + at,
                        format(p50) + " ms",
                        p50 <= TARGET_ADDED_P50_MS && gateway.failed() == 0);
                verdict(
                        s.label.strip() + " added p99 <= " + TARGET_ADDED_P99_MS + " ms" + at,
                        format(p99) + " ms",
                        p99 <= TARGET_ADDED_P99_MS && gateway.failed() == 0);
            }
        }
        out.println();
    }

    /**
     * Whether every successful gateway call has its OK row (by request id) and the ledger holds no more
     * rows than calls were made. A call the client gave up on (timeout) may still have been served and
     * charged: such rows are counted, not treated as errors.
     */
    boolean ledger(LedgerCheck check) {
        out.println("-- ledger (every gateway call of the run, warm-ups included, bench key only) --");
        out.printf(
                "  gateway calls answered in full: %d, failed at the client: %d; ledger rows: %d %s%n",
                check.succeeded(), check.failed(), check.rows(), check.rowsByStatus());
        boolean exact =
                check.succeeded() > 0 && check.missing() == 0 && check.rows() <= check.succeeded() + check.failed();
        verdict("a committed OK row for every successful call (by request id)", check.missing() + " missing", exact);
        out.println();
        return exact;
    }

    /**
     * The ledger against the calls: {@code missing} successful calls whose request id has no OK row.
     */
    record LedgerCheck(long succeeded, long failed, long rows, Map<String, Long> rowsByStatus, long missing) {}

    private void verdict(String what, String measured, boolean met) {
        out.printf("  %-62s %16s  %s%n", what, measured, met ? "MET" : "MISSED");
    }

    private static Measurement find(List<Row> rows, Scenario scenario) {
        return rows.stream()
                .filter(r -> r.scenario() == scenario)
                .findFirst()
                .orElseThrow()
                .measurement();
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String format(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.3f", ms);
    }
}
