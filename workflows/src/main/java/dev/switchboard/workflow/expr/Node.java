package dev.switchboard.workflow.expr;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The parsed form of an expression. Every node knows the column its text starts at, for errors. */
sealed interface Node {

    int column();

    /** A constant: number, string, boolean or null. */
    record Literal(JsonNode value, int column) implements Node {}

    /** {@code [a, b, c]}. */
    record ListOf(List<Node> items, int column) implements Node {}

    /** One of the root names the scope binds. */
    record Root(String name, int column) implements Node {}

    /** {@code target.key}, {@code target[0]}, {@code target["k"]}, {@code target[expr]}, in a row. */
    record Access(Node target, List<Step> steps, int column) implements Node {}

    /** {@code !x} or {@code -x}. */
    record Unary(char operator, Node operand, int column) implements Node {}

    /** {@code a && b && c} ({@code and}) or {@code a || b || c}: evaluated left to right, short-circuit. */
    record Logical(boolean and, List<Node> operands, int column) implements Node {}

    /** A left-associative chain at one precedence level: {@code a + b - c} or {@code a * b / c % d}. */
    record Arithmetic(Node first, List<Operation> rest, int column) implements Node {}

    /** One operator and its right operand within an {@link Arithmetic} chain. */
    record Operation(char operator, Node operand, int column) {}

    /** {@code == != < <= > >= in}; comparisons do not chain. */
    record Comparison(String operator, Node left, Node right, int column) implements Node {}

    /** {@code test ? then : otherwise}. */
    record Conditional(Node test, Node then, Node otherwise, int column) implements Node {}

    /** A call of one of the whitelisted functions. */
    record Call(Function function, List<Node> arguments, int column) implements Node {}

    /** One step of an {@link Access}. */
    sealed interface Step {
        int column();
    }

    /** {@code .name} or {@code ["name"]}. */
    record Field(String name, int column) implements Step {}

    /** {@code [3]} or {@code [-1]}, known while parsing. */
    record Element(int index, int column) implements Step {}

    /** {@code [expr]}: a key or index only known at run time. */
    record Computed(Node key, int column) implements Step {}
}
