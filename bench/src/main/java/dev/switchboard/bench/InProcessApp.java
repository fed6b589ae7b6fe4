package dev.switchboard.bench;

import dev.switchboard.SwitchboardApplication;
import java.util.function.Function;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the benchmarks that drive the application from inside run: parse the options (exit 2 when they
 * are wrong), start the whole app with the {@code bench} profile, run, and exit 0 when every check
 * held, 3 when one did not, 1 on a crash.
 */
final class InProcessApp {

    /** A benchmark body: true when every check it makes held. */
    @FunctionalInterface
    interface Body<O> {
        boolean run(O options, ConfigurableApplicationContext app) throws Exception;
    }

    private InProcessApp() {}

    static <O> void main(String[] args, Function<String[], O> parse, Body<O> body) {
        int status = 1;
        try {
            O options = parse.apply(args);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class)
                    .profiles("bench")
                    .run()) {
                status = body.run(options, app) ? 0 : 3;
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            status = 2;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(status); // Temporal's and the app's non-daemon threads would keep the JVM alive
        }
    }
}
