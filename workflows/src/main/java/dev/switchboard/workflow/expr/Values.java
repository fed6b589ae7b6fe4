package dev.switchboard.workflow.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.StringNode;

/**
 * The meaning of JSON values in expressions: numbers as exact decimals, text forms, equality, order and
 * truth. Kept in one place so the evaluator, the functions and templates cannot drift apart.
 */
final class Values {

    /**
     * 34 significant digits (IEEE decimal128), half-even: exact for any sum, difference or product of
     * ordinary amounts, bounded for huge ones, and the same on every machine.
     */
    static final MathContext MATH = MathContext.DECIMAL128;

    static final int MAX_DIGITS = 1000;

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Values() {}

    static boolean isMissing(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull();
    }

    /** A number node for {@code value}: an integer node when it is whole, else a decimal without trailing zeros. */
    static JsonNode number(BigDecimal value, int column) {
        if (value.signum() == 0) {
            return IntNode.valueOf(0);
        }
        BigDecimal stripped = inRange(value.stripTrailingZeros(), column);
        if (stripped.scale() > 0) {
            return DecimalNode.valueOf(stripped);
        }
        BigInteger whole = stripped.toBigIntegerExact();
        if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0) {
            return BigIntegerNode.valueOf(whole);
        }
        long exact = whole.longValue();
        return exact == (int) exact ? IntNode.valueOf((int) exact) : LongNode.valueOf(exact);
    }

    /** The exact decimal of a number node; never goes through {@code double} arithmetic. */
    static BigDecimal decimal(JsonNode number, int column) {
        if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
            throw new ExpressionException("the number " + number.doubleValue() + " is not finite", column);
        }
        return inRange(number.decimalValue(), column);
    }

    /**
     * Sums and products round to 34 digits, but exponents still grow; bounding them keeps text forms and
     * integer conversions small.
     */
    private static BigDecimal inRange(BigDecimal value, int column) {
        if (value.scale() > MAX_DIGITS || value.precision() - value.scale() > MAX_DIGITS) {
            throw new ExpressionException("number out of range (more than " + MAX_DIGITS + " digits)", column);
        }
        return value;
    }

    static boolean isIndex(BigDecimal value) {
        try {
            value.intValueExact();
            return true;
        } catch (ArithmeticException notWhole) {
            return false;
        }
    }

    /**
     * Truth for conditions, {@code !}, {@code &&}, {@code ||} and {@code ?:}: null and missing are false,
     * a boolean is itself, a number is true unless zero, a string, list or object is true unless empty.
     */
    static boolean truthy(JsonNode value) {
        if (isMissing(value)) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.isDouble() || value.isFloat()
                    ? value.doubleValue() != 0
                    : value.decimalValue().signum() != 0;
        }
        if (value.isString()) {
            return !value.stringValue().isEmpty();
        }
        return !value.isEmpty();
    }

    /**
     * The text form used by string concatenation, {@code string()}, {@code join()} and templates: a
     * string is itself, null and missing are empty, numbers are plain decimals ({@code 0.3}, never
     * {@code 3E-1}), lists and objects are compact JSON.
     */
    static String text(JsonNode value, int column) {
        if (isMissing(value)) {
            return "";
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber()) {
            BigDecimal decimal = decimal(value, column);
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        if (value.isBoolean()) {
            return String.valueOf(value.booleanValue());
        }
        if (value.isBinary()) {
            return value.asString();
        }
        return value.toString();
    }

    static StringNode string(String value) {
        return StringNode.valueOf(value);
    }

    /**
     * Value equality: null equals missing, numbers compare by value ({@code 1 == 1.0}), lists by
     * element in order, objects by key regardless of order; values of different types are not equal.
     */
    static boolean equal(JsonNode left, JsonNode right, Work work, int column) {
        work.charge(1, column);
        boolean leftMissing = isMissing(left);
        if (leftMissing || isMissing(right)) {
            return leftMissing && isMissing(right);
        }
        ValueType type = ValueType.of(left);
        if (type != ValueType.of(right)) {
            return false;
        }
        return switch (type) {
            case NUMBER -> decimal(left, column).compareTo(decimal(right, column)) == 0;
            case STRING -> text(left, column).equals(text(right, column));
            case BOOLEAN -> left.booleanValue() == right.booleanValue();
            case LIST -> equalLists(left, right, work, column);
            case OBJECT -> equalObjects(left, right, work, column);
            case NULL, ANY -> true;
        };
    }

    private static boolean equalLists(JsonNode left, JsonNode right, Work work, int column) {
        if (left.size() != right.size()) {
            return false;
        }
        Iterator<JsonNode> others = right.iterator();
        for (JsonNode item : left) {
            if (!equal(item, others.next(), work, column)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalObjects(JsonNode left, JsonNode right, Work work, int column) {
        if (left.size() != right.size()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : left.properties()) {
            JsonNode other = right.get(entry.getKey());
            if (other == null || !equal(entry.getValue(), other, work, column)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The order of two numbers (by value) or two strings (by UTF-16 code unit, as {@link String#compareTo});
     * any other pair is an error whose message ends with {@code context}, e.g. {@code " using '<'"}.
     */
    static int compare(JsonNode left, JsonNode right, String context, int column) {
        if (left.isNumber() && right.isNumber()) {
            return decimal(left, column).compareTo(decimal(right, column));
        }
        if (left.isString() && right.isString()) {
            return left.stringValue().compareTo(right.stringValue());
        }
        throw new ExpressionException(
                "cannot compare " + Evaluator.describe(left) + " with " + Evaluator.describe(right) + context, column);
    }

    /** A string as a double-quoted expression literal, e.g. for a path key with spaces. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    static String describeChar(char c) {
        return c < 0x20 || c > 0x7e ? String.format(Locale.ROOT, "U+%04X", (int) c) : "'" + c + "'";
    }
}
