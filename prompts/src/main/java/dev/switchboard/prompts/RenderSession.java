package dev.switchboard.prompts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one render of one message has seen, kept for the thread doing it (Jinjava renders on the
 * caller's thread): the work done so far against the budget, the sandbox refusals, and the undeclared
 * names the template looked up. Jinjava turns exceptions inside expressions into soft errors; this is
 * how the sandbox's refusals still reach the caller.
 */
final class RenderSession implements AutoCloseable {

    private static final ThreadLocal<RenderSession> CURRENT = new ThreadLocal<>();

    /** An undeclared name and where it was first looked up. */
    record Lookup(String name, int line, int column) {}

    private final Set<String> declared;
    private final int maxNodes;
    private int nodes;
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Lookup> undeclared = new LinkedHashMap<>();

    private RenderSession(Set<String> declared, int maxNodes) {
        this.declared = declared;
        this.maxNodes = maxNodes;
    }

    static RenderSession open(Set<String> declared, int maxNodes) {
        RenderSession session = new RenderSession(declared, maxNodes);
        CURRENT.set(session);
        return session;
    }

    static Optional<RenderSession> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Counts one node about to render; past the budget every further node fails at once. */
    void work() {
        if (++nodes > maxNodes) {
            throw new BudgetExceeded(maxNodes);
        }
    }

    boolean overBudget() {
        return nodes > maxNodes;
    }

    void violation(String message) {
        if (violations.size() < 10) {
            violations.add(message);
        }
    }

    /** A top-level name the context lacks: fine if declared (an optional variable left out). */
    void lookup(String name, int line, int column) {
        if (!declared.contains(name)) {
            undeclared.putIfAbsent(name, new Lookup(name, line, column));
        }
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    List<Lookup> undeclared() {
        return List.copyOf(undeclared.values());
    }

    @Override
    public void close() {
        CURRENT.remove();
    }

    /** Thrown for every node past the budget; no stack trace, as a runaway loop may throw many. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded(int maxNodes) {
            super("the template did more than " + maxNodes + " steps of work (a runaway loop?)", null, false, false);
        }
    }
}
