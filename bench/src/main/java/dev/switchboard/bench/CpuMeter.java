package dev.switchboard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM (the app, the upstream and the load generator) and by the local
 * PostgreSQL processes. CPU per request is steadier than requests per second on a shared machine:
 * another tenant taking cores slows the clock, not the work each request costs.
 */
final class CpuMeter {

    /** Linux's USER_HZ: /proc reports CPU time in ticks of 1/100 s on every mainstream kernel. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /**
     * A reading: CPU nanoseconds of the JVM so far, and the CPU ticks of each database process by pid
     * (a process that ends between two readings takes its ticks along, so differences go per process).
     */
    record Reading(long jvmNanos, Map<Long, Long> databaseTicks) {

        /** CPU spent between {@code start} and this reading; processes that ended meanwhile are left out. */
        Spent since(Reading start) {
            long ticks = 0;
            for (Map.Entry<Long, Long> process : databaseTicks.entrySet()) {
                ticks += process.getValue() - start.databaseTicks.getOrDefault(process.getKey(), 0L);
            }
            return new Spent(jvmNanos - start.jvmNanos, ticks * NANOS_PER_TICK);
        }
    }

    /** CPU nanoseconds spent by the JVM and by the database over a measurement. */
    record Spent(long jvmNanos, long databaseNanos) {

        long totalNanos() {
            return jvmNanos + databaseNanos;
        }
    }

    private CpuMeter() {}

    static Reading now() {
        long jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
        return new Reading(jvm, databaseTicks());
    }

    /** utime + stime of every process named {@code postgres}, by pid; empty where /proc cannot be read. */
    private static Map<Long, Long> databaseTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        long t = postgresTicks(p);
                        if (t > 0) {
                            ticks.put(Long.parseLong(p.getFileName().toString()), t);
                        }
                    });
        } catch (IOException | java.io.UncheckedIOException e) {
            return Map.of();
        }
        return ticks;
    }

    private static long postgresTicks(Path process) {
        String stat;
        try {
            stat = Files.readString(process.resolve("stat"));
        } catch (IOException e) {
            return 0; // ended meanwhile
        }
        // pid (comm) state ... : comm may hold spaces, so fields are counted after the last ')'
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
            return 0;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
