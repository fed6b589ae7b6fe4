package dev.switchboard.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The example workflows that ship with Switchboard (JSON files under {@code workflows/} on the class
 * path), imported at every start as shared, published workflows: a new file becomes version 1, a
 * changed one a new version, an unchanged one nothing. They run on the simulated providers and use
 * the bundled prompt library, so they are imported after it.
 */
@Component
@Order(BundledWorkflows.ORDER)
class BundledWorkflows implements ApplicationRunner {

    /** After the bundled prompt library, which these workflows use. */
    static final int ORDER = 200;

    static final String AUTHOR = "bundled-library";

    static final List<String> FILES = List.of(
            "product-launch-content-pack.json", "support-ticket-triage.json", "contract-clause-extraction.json");

    private static final Logger log = LoggerFactory.getLogger(BundledWorkflows.class);

    private final WorkflowStore store;

    BundledWorkflows(WorkflowStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String file : FILES) {
            try {
                store.importBundled(json(file), AUTHOR);
            } catch (WorkflowExceptions.Invalid e) {
                // a broken example must not stop the platform; BundledWorkflowsTest keeps them sound
                log.error("Bundled workflow {} was not imported: {}", file, e.problems());
            }
        }
    }

    static String json(String file) {
        try (InputStream in = BundledWorkflows.class.getClassLoader().getResourceAsStream("workflows/" + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled workflow " + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
