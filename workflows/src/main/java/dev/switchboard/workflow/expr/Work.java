package dev.switchboard.workflow.expr;

/**
 * The evaluation budget: every node visited, value compared, character produced and automaton state a pattern
 * visits costs one unit, and the run stops at {@link Expression#MAX_WORK}. Counting instead of
 * timing keeps the limit deterministic, which workflow replay needs: the same expression on the same
 * values fails (or not) the same way on every worker.
 */
final class Work {

    private final long limit;
    private long used;

    Work(long limit) {
        this.limit = limit;
    }

    void charge(long units, int column) {
        used += units;
        if (used > limit) {
            throw new ExpressionException("expression needs too much work (more than " + limit + " steps)", column);
        }
    }
}
