package dev.switchboard.bench;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;

/**
 * What {@code ./switchboard bench gateway [options]} was asked for.
 *
 * @param warmup load before each measurement, not recorded (connection pools, caches); the JIT
 *     warm-up at the start runs three times as long per scenario
 * @param duration the measured time of each scenario
 * @param concurrency closed-loop workers of the throughput mode
 * @param rate requests per second of the fixed-rate mode (the target load)
 * @param modes which load shapes to run
 */
record BenchOptions(Duration warmup, Duration duration, int concurrency, int rate, Set<Mode> modes) {

    /** The load shapes: each runs all four scenarios (direct and gateway, plain and streamed). */
    enum Mode {
        /** One worker, one request at a time: the latency the gateway adds to an idle system. */
        SEQUENTIAL,
        /** Many workers back to back: the most requests per second the machine manages. */
        THROUGHPUT,
        /** A fixed arrival rate, latency counted from when each request was due: latency at the target load. */
        RATE
    }

    static final String USAGE = """
            Usage: ./switchboard bench gateway [--warmup=5s] [--duration=10s] [--concurrency=64] [--rate=2000]
                                               [--modes=sequential,throughput,rate]
            """;

    static BenchOptions parse(String[] args) {
        Duration warmup = Duration.ofSeconds(5);
        Duration duration = Duration.ofSeconds(10);
        int concurrency = 64;
        int rate = 2000;
        Set<Mode> modes = EnumSet.allOf(Mode.class);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "warmup" -> warmup = DurationStyle.detectAndParse(value);
                case "duration" -> duration = DurationStyle.detectAndParse(value);
                case "concurrency" -> concurrency = positive(name, value);
                case "rate" -> rate = positive(name, value);
                case "modes" -> modes = modes(value);
                default -> throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
        }
        if (duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive and --warmup not negative");
        }
        return new BenchOptions(warmup, duration, concurrency, rate, modes);
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a positive whole number, not '" + value + "'");
    }

    private static Set<Mode> modes(String value) {
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        for (String mode : value.split(",")) {
            try {
                modes.add(Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown mode '" + mode + "' (sequential, throughput, rate)");
            }
        }
        return modes;
    }
}
