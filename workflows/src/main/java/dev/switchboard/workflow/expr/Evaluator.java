package dev.switchboard.workflow.expr;

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
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;

/**
 * Walks a parsed expression against a {@link Scope}. Missing values travel as {@link MissingNode}
 * until the caller sees them; type mistakes fail with the column of the operator or call.
 */
final class Evaluator {

    private final Scope scope;
    private final Work work;
    private final Functions functions;

    Evaluator(Scope scope, Work work) {
        this.scope = scope;
        this.work = work;
        this.functions = new Functions(this, work);
    }

    JsonNode eval(Node node) {
        work.charge(1, node.column());
        return switch (node) {
            case Literal(var value, var column) -> value;
            case ListOf list -> list(list);
            case Root(var name, var column) -> {
                JsonNode value = scope.resolve(name);
                yield value == null ? MissingNode.getInstance() : value;
            }
            case Access access -> access(access);
            case Unary unary -> unary(unary);
            case Logical logical -> BooleanNode.valueOf(logical(logical));
            case Arithmetic arithmetic -> arithmetic(arithmetic);
            case Comparison comparison -> BooleanNode.valueOf(compare(comparison));
            case Conditional(var test, var then, var otherwise, var column) ->
                Values.truthy(eval(test)) ? eval(then) : eval(otherwise);
            case Call call -> functions.call(call);
        };
    }

    private JsonNode list(ListOf list) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(list.items().size());
        for (Node item : list.items()) {
            array.add(present(eval(item)));
        }
        return array;
    }

    /** A missing value stored in a list or object becomes null: JSON has no "missing". */
    static JsonNode present(JsonNode value) {
        return value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value;
    }

    private JsonNode access(Access access) {
        JsonNode value = eval(access.target());
        for (Step step : access.steps()) {
            work.charge(1, step.column());
            value = switch (step) {
                case Field(var name, var column) -> field(value, name, column);
                case Element(var index, var column) -> element(value, index, column);
                case Computed(var key, var column) -> computed(value, eval(key), key.column());
            };
        }
        return value;
    }

    private JsonNode computed(JsonNode value, JsonNode key, int column) {
        if (key.isString()) {
            return field(value, key.stringValue(), column);
        }
        if (key.isNumber() && Values.isIndex(Values.decimal(key, column))) {
            return element(value, key.decimalValue().intValueExact(), column);
        }
        throw new ExpressionException("an index must be a whole number or a string, not " + describe(key), column);
    }

    private static JsonNode field(JsonNode value, String name, int column) {
        if (Values.isMissing(value)) {
            return MissingNode.getInstance();
        }
        if (!value.isObject()) {
            throw new ExpressionException(
                    "cannot read field '" + name + "' of " + article(ValueType.of(value)), column);
        }
        JsonNode found = value.get(name);
        return found == null ? MissingNode.getInstance() : found;
    }

    private static JsonNode element(JsonNode value, int index, int column) {
        if (Values.isMissing(value)) {
            return MissingNode.getInstance();
        }
        if (!value.isArray()) {
            throw new ExpressionException("cannot index " + article(ValueType.of(value)) + " by number", column);
        }
        int at = index < 0 ? value.size() + index : index;
        return at < 0 || at >= value.size() ? MissingNode.getInstance() : value.get(at);
    }

    private JsonNode unary(Unary unary) {
        JsonNode operand = eval(unary.operand());
        if (unary.operator() == '!') {
            return BooleanNode.valueOf(!Values.truthy(operand));
        }
        return Values.number(requireNumber(operand, "-", unary.column()).negate(), unary.column());
    }

    private boolean logical(Logical logical) {
        for (Node operand : logical.operands()) {
            if (Values.truthy(eval(operand)) != logical.and()) {
                return !logical.and();
            }
        }
        return logical.and();
    }

    private JsonNode arithmetic(Arithmetic arithmetic) {
        JsonNode result = eval(arithmetic.first());
        for (Operation operation : arithmetic.rest()) {
            result = apply(operation.operator(), result, eval(operation.operand()), operation.column());
        }
        return result;
    }

    private JsonNode apply(char operator, JsonNode left, JsonNode right, int column) {
        if (operator == '+' && (left.isString() || right.isString())) {
            String joined = Values.text(left, column) + Values.text(right, column);
            work.charge(joined.length(), column);
            return Values.string(joined);
        }
        if (operator == '+' && left.isArray() && right.isArray()) {
            work.charge(left.size() + right.size(), column);
            ArrayNode joined = JsonNodeFactory.instance.arrayNode(left.size() + right.size());
            return joined.addAll((ArrayNode) left).addAll((ArrayNode) right);
        }
        String symbol = String.valueOf(operator);
        if (!left.isNumber() || !right.isNumber()) {
            throw new ExpressionException(
                    "cannot apply '" + symbol + "' to " + describe(left) + " and " + describe(right), column);
        }
        BigDecimal a = Values.decimal(left, column);
        BigDecimal b = Values.decimal(right, column);
        if ((operator == '/' || operator == '%') && b.signum() == 0) {
            throw new ExpressionException("division by zero", column);
        }
        try {
            return Values.number(
                    switch (operator) {
                        case '+' -> a.add(b, Values.MATH);
                        case '-' -> a.subtract(b, Values.MATH);
                        case '*' -> a.multiply(b, Values.MATH);
                        case '/' -> a.divide(b, Values.MATH);
                        default -> a.remainder(b, Values.MATH);
                    },
                    column);
        } catch (ArithmeticException e) {
            // remainder of a quotient beyond 34 digits, or an exponent out of range
            throw new ExpressionException("'" + symbol + "' cannot be computed exactly: " + e.getMessage(), column);
        }
    }

    private boolean compare(Comparison comparison) {
        JsonNode left = eval(comparison.left());
        JsonNode right = eval(comparison.right());
        int column = comparison.column();
        return switch (comparison.operator()) {
            case "==" -> Values.equal(left, right, work, column);
            case "!=" -> !Values.equal(left, right, work, column);
            case "in" -> functions.contains(right, left, "in", column);
            default -> order(comparison.operator(), left, right, column);
        };
    }

    /** {@code < <= > >=}: false when either side is null or missing, an error across types. */
    private static boolean order(String operator, JsonNode left, JsonNode right, int column) {
        if (Values.isMissing(left) || Values.isMissing(right)) {
            return false;
        }
        int sign = Values.compare(left, right, " using '" + operator + "'", column);
        return switch (operator) {
            case "<" -> sign < 0;
            case "<=" -> sign <= 0;
            case ">" -> sign > 0;
            default -> sign >= 0;
        };
    }

    static BigDecimal requireNumber(JsonNode value, String operator, int column) {
        if (!value.isNumber()) {
            throw new ExpressionException("cannot apply '" + operator + "' to " + describe(value), column);
        }
        return Values.decimal(value, column);
    }

    /** "a STRING", "a NUMBER", ... for messages. */
    static String describe(JsonNode value) {
        return article(ValueType.of(value));
    }

    static String article(ValueType type) {
        return switch (type) {
            case NULL -> "null";
            case OBJECT, ANY -> "an " + type;
            default -> "a " + type;
        };
    }
}
