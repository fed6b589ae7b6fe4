package dev.switchboard.workflow.expr;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * A parsed expression of the workflow language, as used by condition and switch nodes and inside
 * {@code {{ }}} of templates, e.g. {@code steps.classify.output.label == "billing" && inputs.priority >= 3}.
 *
 * <p><b>Grammar</b>, loosest binding first: {@code c ? a : b} (right-associative); {@code ||};
 * {@code &&}; {@code == !=}; {@code < <= > >= in} (comparisons do not chain); {@code + -}; {@code * / %}
 * (left-associative); unary {@code ! -}; then {@code .name}, {@code ["key"]}, {@code [0]}, {@code [-1]}
 * (from the end) and {@code [expr]}. Literals: integers and decimals ({@code 12}, {@code 0.5}; no
 * exponents), strings in {@code "..."} or {@code '...'} with JSON escapes, {@code true}, {@code false},
 * {@code null}, lists {@code [1, 2]}. References start with a root: {@code inputs}, {@code steps},
 * {@code vars}, {@code item}, {@code index} or {@code run}. Functions (nothing else can be called):
 * {@code len lower upper trim contains startsWith endsWith matches number string bool isEmpty coalesce
 * round min max join keys}.
 *
 * <p><b>Values</b> are JSON. Numbers are exact decimals: {@code 0.1 + 0.2 == 0.3}; results round to 34
 * significant digits (half-even), division included; {@code round} rounds half away from zero. A path
 * that leads nowhere (missing key, index out of range, below null) is missing, which behaves as null:
 * {@code == null} is true, {@code < <= > >=} are false, {@code !=} against a value is true.
 * {@code ==} compares by value ({@code 1 == 1.0}; lists in order, objects by key) and is false across
 * types; ordering across types, arithmetic on non-numbers and a field of a non-object are errors.
 * {@code +} concatenates when either side is a string (null as empty text) and joins two lists.
 * {@code in} finds an element in a list, a substring in a string or a key in an object. See
 * {@link #truthy(JsonNode)} for conditions.
 *
 * <p><b>Safety</b>: this runs inside Temporal workflow code, so it is deterministic (no clock, no
 * randomness, no I/O, no reflection, no Java calls) and bounded: at most {@link #MAX_LENGTH} characters,
 * {@link #MAX_DEPTH} levels of nesting and {@link #MAX_WORK} steps of evaluation (counted, never timed),
 * and {@code matches} patterns of at most 200 characters over texts of at most 10,000, run by a
 * linear-time automaton rather than {@code java.util.regex} (which backtracks, and recurses deeply enough
 * to overflow the stack at a length that differs between machines); patterns therefore have no
 * back-references or look-around. Missing values: a missing path and null are the same to every
 * operator; {@link #evaluate(Scope)} answers null for both.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Expression {

    /** Longest expression text accepted. */
    public static final int MAX_LENGTH = 4_000;

    /** Deepest nesting of parentheses, brackets, calls, unary operators and {@code ?:}. */
    public static final int MAX_DEPTH = 32;

    /** Evaluation steps (nodes, compared values, characters produced, automaton states visited) per evaluation. */
    public static final long MAX_WORK = 1_000_000;

    private final String source;
    private final Node root;
    private final List<Path> references;

    private Expression(String source, Node root) {
        this.source = source;
        this.root = root;
        this.references = References.of(root);
    }

    /**
     * Parses {@code source}.
     *
     * @throws ExpressionException naming the problem and its 0-based column
     */
    public static Expression parse(String source) {
        Objects.requireNonNull(source, "source");
        if (source.length() > MAX_LENGTH) {
            throw new ExpressionException("expression is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        return new Expression(source, Parser.parse(source));
    }

    /**
     * Evaluates against {@code scope}. Never answers Java {@code null} or a missing node: a missing
     * result is {@link NullNode}.
     *
     * @throws ExpressionException on a type error, division by zero or an exceeded limit, with the column
     */
    public JsonNode evaluate(Scope scope) {
        return evaluate(scope, new Work(MAX_WORK));
    }

    JsonNode evaluate(Scope scope, Work work) {
        return Evaluator.present(new Evaluator(Objects.requireNonNull(scope, "scope"), work).eval(root));
    }

    /** Evaluates and applies {@link #truthy(JsonNode)}: the answer of a condition node. */
    public boolean test(Scope scope) {
        return truthy(evaluate(scope));
    }

    /**
     * Every path the expression reads, each once, in order of first appearance, including those in
     * branches a run may not take; a path with a computed index stops before it ({@code items[vars.i]}
     * lists {@code items} and {@code vars.i}).
     */
    public List<Path> references() {
        return references;
    }

    /**
     * The static type of the result, checking every operation against the declared types of the
     * references ({@code inputs.name > 3} with {@code name} a STRING fails).
     *
     * @throws ExpressionException for an unknown reference or an operation that cannot succeed, with the
     *     column
     */
    public ValueType typeOf(TypeScope types) {
        return new TypeChecker(Objects.requireNonNull(types, "types")).typeOf(root);
    }

    /** The text this expression was parsed from. */
    public String source() {
        return source;
    }

    /**
     * The truth of a value, used by conditions, {@code !}, {@code &&}, {@code ||} and {@code ?:}: null
     * and missing are false; a boolean is itself; a number is true unless zero; a string, list or object is
     * true unless empty.
     */
    public static boolean truthy(JsonNode value) {
        return Values.truthy(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Expression expression && expression.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}
