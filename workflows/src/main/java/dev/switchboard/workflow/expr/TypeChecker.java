package dev.switchboard.workflow.expr;

import static dev.switchboard.workflow.expr.ValueType.ANY;
import static dev.switchboard.workflow.expr.ValueType.BOOLEAN;
import static dev.switchboard.workflow.expr.ValueType.LIST;
import static dev.switchboard.workflow.expr.ValueType.NULL;
import static dev.switchboard.workflow.expr.ValueType.NUMBER;
import static dev.switchboard.workflow.expr.ValueType.OBJECT;
import static dev.switchboard.workflow.expr.ValueType.STRING;

import dev.switchboard.workflow.expr.Node.Access;
import dev.switchboard.workflow.expr.Node.Arithmetic;
import dev.switchboard.workflow.expr.Node.Call;
import dev.switchboard.workflow.expr.Node.Comparison;
import dev.switchboard.workflow.expr.Node.Computed;
import dev.switchboard.workflow.expr.Node.Conditional;
import dev.switchboard.workflow.expr.Node.Element;
import dev.switchboard.workflow.expr.Node.Field;
import dev.switchboard.workflow.expr.Node.ListOf;
import dev.switchboard.workflow.expr.Node.Literal;
import dev.switchboard.workflow.expr.Node.Logical;
import dev.switchboard.workflow.expr.Node.Operation;
import dev.switchboard.workflow.expr.Node.Root;
import dev.switchboard.workflow.expr.Node.Step;
import dev.switchboard.workflow.expr.Node.Unary;
import java.util.List;
import java.util.Set;

/**
 * Static types for the validator: what an expression yields given the declared types of what it reads,
 * and every operation that is wrong whatever the run brings ({@code inputs.name > 3} with a STRING name).
 * {@link ValueType#ANY} passes every check; the evaluator decides those at run time.
 */
final class TypeChecker {

    private final TypeScope scope;
    private final FunctionTypes functions;

    TypeChecker(TypeScope scope) {
        this.scope = scope;
        this.functions = new FunctionTypes(this);
    }

    ValueType typeOf(Node node) {
        return switch (node) {
            case Literal(var value, var column) -> ValueType.of(value);
            case ListOf(var items, var column) -> {
                items.forEach(this::typeOf);
                yield LIST;
            }
            case Root root -> lookup(Path.of(root.name()), Path.of(root.name()), root.column());
            case Access access -> access(access);
            case Unary unary -> unary(unary);
            case Logical(var and, var operands, var column) -> {
                operands.forEach(this::typeOf);
                yield BOOLEAN;
            }
            case Arithmetic arithmetic -> arithmetic(arithmetic);
            case Comparison comparison -> comparison(comparison);
            case Conditional(var test, var then, var otherwise, var column) -> {
                typeOf(test);
                yield either(typeOf(then), typeOf(otherwise));
            }
            case Call call -> functions.typeOf(call);
        };
    }

    /** The type of a value that is one of two: the shared type, the non-null one, or ANY. */
    static ValueType either(ValueType a, ValueType b) {
        if (a == b || b == NULL) {
            return a;
        }
        return a == NULL ? b : ANY;
    }

    /**
     * Walks a reference from its root, asking the scope for each longer prefix, so the scope only has to
     * answer for what the workflow declares: below an {@link ValueType#ANY} (or a list's elements, whose
     * type is not declared) nothing more is asked, and reading inside a scalar fails here, naming the field.
     */
    private ValueType access(Access access) {
        List<Step> steps = access.steps();
        int next = 0;
        ValueType type;
        if (access.target() instanceof Root root) {
            Path full = staticPath(root.name(), steps);
            Path path = Path.of(root.name());
            type = lookup(path, full, access.column());
            for (; next < full.segments().size() - 1 && type != ANY && type != NULL; next++) {
                Step step = steps.get(next);
                if (type == LIST && step instanceof Element) {
                    type = ANY;
                } else {
                    require(type, Set.of(step instanceof Field ? OBJECT : LIST), action(step), step.column());
                    path = path.then(full.segments().get(next + 1));
                    type = lookup(path, full, access.column());
                }
            }
        } else {
            type = typeOf(access.target());
        }
        for (; next < steps.size(); next++) {
            type = step(type, steps.get(next));
        }
        return type;
    }

    private static Path staticPath(String root, List<Step> steps) {
        Path path = Path.of(root);
        for (Step step : steps) {
            switch (step) {
                case Field(var name, var column) -> path = path.then(new Path.Key(name));
                case Element(var index, var column) -> path = path.then(new Path.Index(index));
                case Computed computed -> {
                    return path;
                }
            }
        }
        return path;
    }

    private ValueType lookup(Path path, Path full, int column) {
        return scope.typeOf(path)
                .orElseThrow(() -> new ExpressionException(
                        path.equals(full)
                                ? "unknown reference '" + path + "'"
                                : "unknown reference '" + full + "' (nothing at '" + path + "')",
                        column));
    }

    private static String action(Step step) {
        return step instanceof Field(var name, var column) ? "read field '" + name + "' of" : "index";
    }

    /** A step below a value whose type is known but whose inner shape is not: the result is ANY. */
    private ValueType step(ValueType type, Step step) {
        switch (step) {
            case Field field -> require(type, Set.of(OBJECT), action(field), field.column());
            case Element element -> require(type, Set.of(LIST), action(element), element.column());
            case Computed(var key, var column) -> {
                require(typeOf(key), Set.of(STRING, NUMBER), "index by", key.column());
                require(type, Set.of(OBJECT, LIST), "index", column);
            }
        }
        return ANY;
    }

    private static void require(ValueType type, Set<ValueType> allowed, String action, int column) {
        if (type != ANY && type != NULL && !allowed.contains(type)) {
            throw new ExpressionException("cannot " + action + " " + Evaluator.article(type), column);
        }
    }

    private ValueType unary(Unary unary) {
        ValueType operand = typeOf(unary.operand());
        if (unary.operator() == '!') {
            return BOOLEAN;
        }
        if (operand != NUMBER && operand != ANY) {
            throw new ExpressionException("cannot apply '-' to " + Evaluator.article(operand), unary.column());
        }
        return NUMBER;
    }

    private ValueType arithmetic(Arithmetic arithmetic) {
        ValueType left = typeOf(arithmetic.first());
        for (Operation operation : arithmetic.rest()) {
            left = combine(operation.operator(), left, typeOf(operation.operand()), operation.column());
        }
        return left;
    }

    private static ValueType combine(char operator, ValueType left, ValueType right, int column) {
        if (operator == '+') {
            if (left == STRING || right == STRING) {
                return STRING; // + with a string concatenates the text form of the other side
            }
            if (left == right && (left == NUMBER || left == LIST)) {
                return left;
            }
            if (left == ANY || right == ANY) {
                return ANY;
            }
        } else if ((left == NUMBER || left == ANY) && (right == NUMBER || right == ANY)) {
            return NUMBER;
        }
        throw new ExpressionException(
                "cannot apply '" + operator + "' to " + Evaluator.article(left) + " and " + Evaluator.article(right),
                column);
    }

    private ValueType comparison(Comparison comparison) {
        ValueType left = typeOf(comparison.left());
        ValueType right = typeOf(comparison.right());
        String operator = comparison.operator();
        int column = comparison.column();
        switch (operator) {
            case "==", "!=" -> {
                if (left != right && left != ANY && right != ANY && left != NULL && right != NULL) {
                    throw new ExpressionException(
                            "'" + operator + "' compares " + Evaluator.article(left) + " with "
                                    + Evaluator.article(right) + ", which are never equal",
                            column);
                }
            }
            case "in" -> containment(right, left, "in", column);
            default -> order(operator, left, right, column);
        }
        return BOOLEAN;
    }

    private static void order(String operator, ValueType left, ValueType right, int column) {
        if (left == NULL || right == NULL) {
            throw new ExpressionException("'" + operator + "' with null is always false", column);
        }
        boolean orderable = (left == ANY || left == NUMBER || left == STRING)
                && (right == ANY || right == NUMBER || right == STRING)
                && (left == right || left == ANY || right == ANY);
        if (!orderable) {
            throw new ExpressionException(
                    "cannot compare " + Evaluator.article(left) + " with " + Evaluator.article(right) + " using '"
                            + operator + "'",
                    column);
        }
    }

    /** {@code needle in haystack} and {@code contains(haystack, needle)}. */
    static void containment(ValueType haystack, ValueType needle, String name, int column) {
        boolean ok = switch (haystack) {
            case LIST, ANY, NULL -> true;
            case STRING, OBJECT -> needle == STRING || needle == ANY;
            default -> false;
        };
        if (!ok) {
            throw new ExpressionException(
                    "'" + name + "' cannot look for " + Evaluator.article(needle) + " in "
                            + Evaluator.article(haystack),
                    column);
        }
    }
}
