package dev.switchboard.workflow.expr;

import dev.switchboard.workflow.expr.Node.Call;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;

/**
 * The run-time side of the {@link Function} whitelist. Null in gives null out for the text functions
 * ({@code lower(null)} is null), and false for the tests ({@code startsWith(null, "a")}); anything
 * else of the wrong type is an error naming the function.
 */
final class Functions {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d{1,100}(\\.\\d{1,100})?");

    private final Evaluator evaluator;
    private final Work work;

    Functions(Evaluator evaluator, Work work) {
        this.evaluator = evaluator;
        this.work = work;
    }

    JsonNode call(Call call) {
        Function function = call.function();
        int column = call.column();
        if (function == Function.COALESCE) {
            // evaluates lazily: the first present argument wins and the rest are never run
            for (Node argument : call.arguments()) {
                JsonNode value = evaluator.eval(argument);
                if (!Values.isMissing(value)) {
                    return value;
                }
            }
            return MissingNode.getInstance();
        }
        List<JsonNode> args = new ArrayList<>(call.arguments().size());
        for (Node argument : call.arguments()) {
            args.add(evaluator.eval(argument));
        }
        JsonNode first = args.getFirst();
        String name = function.displayName();
        return switch (function) {
            case LEN -> IntNode.valueOf(length(first, name, column));
            case LOWER -> mapText(first, name, column, s -> s.toLowerCase(Locale.ROOT));
            case UPPER -> mapText(first, name, column, s -> s.toUpperCase(Locale.ROOT));
            case TRIM -> mapText(first, name, column, String::strip);
            case CONTAINS -> BooleanNode.valueOf(contains(first, args.get(1), name, column));
            case STARTS_WITH -> BooleanNode.valueOf(affix(first, args.get(1), name, column, true));
            case ENDS_WITH -> BooleanNode.valueOf(affix(first, args.get(1), name, column, false));
            case MATCHES -> BooleanNode.valueOf(matches(call, first, args.get(1)));
            case NUMBER -> toNumber(first, column);
            case STRING -> Values.string(charged(Values.text(first, column), column));
            case BOOL -> BooleanNode.valueOf(toBoolean(first, column));
            case IS_EMPTY -> BooleanNode.valueOf(isEmpty(first));
            case ROUND -> round(first, args.size() > 1 ? args.get(1) : IntNode.valueOf(0), column);
            case MIN, MAX -> extreme(function == Function.MAX, args, column);
            case JOIN -> join(first, args.size() > 1 ? args.get(1) : Values.string(", "), column);
            case KEYS -> keys(first, column);
            case COALESCE -> throw new IllegalStateException("handled above");
        };
    }

    private int length(JsonNode value, String name, int column) {
        if (Values.isMissing(value)) {
            return 0;
        }
        if (value.isString()) {
            String text = value.stringValue();
            return text.codePointCount(0, text.length());
        }
        if (value.isArray() || value.isObject()) {
            return value.size();
        }
        throw wrongType(name, "a STRING, LIST or OBJECT", value, column);
    }

    private JsonNode mapText(JsonNode value, String name, int column, UnaryOperator<String> map) {
        if (Values.isMissing(value)) {
            return MissingNode.getInstance();
        }
        if (!value.isString()) {
            throw wrongType(name, "a STRING", value, column);
        }
        return Values.string(charged(map.apply(value.stringValue()), column));
    }

    /** {@code needle in haystack}: an element of a list, a substring of a string or a key of an object. */
    boolean contains(JsonNode haystack, JsonNode needle, String name, int column) {
        if (Values.isMissing(haystack)) {
            return false;
        }
        if (haystack.isArray()) {
            for (JsonNode item : haystack) {
                if (Values.equal(item, needle, work, column)) {
                    return true;
                }
            }
            return false;
        }
        if (haystack.isString() || haystack.isObject()) {
            if (!needle.isString()) {
                String where = haystack.isString() ? "a STRING" : "the keys of an OBJECT";
                throw new ExpressionException(
                        "'" + name + "' looks for a STRING in " + where + ", not for " + Evaluator.describe(needle),
                        column);
            }
            work.charge(haystack.isString() ? haystack.stringValue().length() : haystack.size(), column);
            return haystack.isString()
                    ? haystack.stringValue().contains(needle.stringValue())
                    : haystack.has(needle.stringValue());
        }
        throw new ExpressionException(
                "'" + name + "' needs a LIST, STRING or OBJECT to look in, not " + Evaluator.describe(haystack),
                column);
    }

    private boolean affix(JsonNode text, JsonNode affix, String name, int column, boolean start) {
        if (Values.isMissing(text)) {
            return false;
        }
        if (!text.isString() || !affix.isString()) {
            throw new ExpressionException(
                    name + "() needs two STRINGs, not " + Evaluator.describe(text) + " and "
                            + Evaluator.describe(affix),
                    column);
        }
        work.charge(affix.stringValue().length(), column);
        return start
                ? text.stringValue().startsWith(affix.stringValue())
                : text.stringValue().endsWith(affix.stringValue());
    }

    private boolean matches(Call call, JsonNode text, JsonNode pattern) {
        int column = call.column();
        if (!pattern.isString()) {
            throw wrongType(
                    "matches",
                    "a STRING pattern",
                    pattern,
                    call.arguments().get(1).column());
        }
        if (Values.isMissing(text)) {
            return false;
        }
        if (!text.isString()) {
            throw wrongType("matches", "a STRING", text, column);
        }
        Regex compiled =
                Regex.compile(pattern.stringValue(), call.arguments().get(1).column());
        return compiled.find(text.stringValue(), work, column);
    }

    private static JsonNode toNumber(JsonNode value, int column) {
        if (Values.isMissing(value) || value.isNumber()) {
            return value;
        }
        if (value.isString()
                && PLAIN_NUMBER.matcher(value.stringValue().strip()).matches()) {
            return Values.number(new BigDecimal(value.stringValue().strip()), column);
        }
        throw new ExpressionException(
                "number() cannot read " + Evaluator.describe(value)
                        + (value.isString() ? " " + Values.quote(abbreviate(value.stringValue())) : "")
                        + " as a number",
                column);
    }

    private static boolean toBoolean(JsonNode value, int column) {
        if (!value.isString()) {
            return Values.truthy(value);
        }
        String text = value.stringValue().strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return text.equalsIgnoreCase("true");
        }
        throw new ExpressionException(
                "bool() reads only \"true\" or \"false\" from a STRING, not " + Values.quote(abbreviate(text)), column);
    }

    private static boolean isEmpty(JsonNode value) {
        if (Values.isMissing(value)) {
            return true;
        }
        if (value.isString()) {
            return value.stringValue().isEmpty();
        }
        return (value.isArray() || value.isObject()) && value.isEmpty();
    }

    private static JsonNode round(JsonNode value, JsonNode digits, int column) {
        if (!digits.isNumber()
                || !Values.isIndex(Values.decimal(digits, column))
                || digits.decimalValue().intValue() < 0
                || digits.decimalValue().intValue() > 20) {
            throw new ExpressionException("round() takes a whole number of digits from 0 to 20", column);
        }
        if (Values.isMissing(value)) {
            return MissingNode.getInstance();
        }
        BigDecimal number = Evaluator.requireNumber(value, "round", column);
        return Values.number(number.setScale(digits.decimalValue().intValue(), RoundingMode.HALF_UP), column);
    }

    /** {@code min}/{@code max} of the arguments, or of one LIST argument; nulls are skipped. */
    private JsonNode extreme(boolean max, List<JsonNode> args, int column) {
        List<JsonNode> candidates = args;
        if (args.size() == 1 && args.getFirst().isArray()) {
            candidates = new ArrayList<>();
            args.getFirst().forEach(candidates::add);
        }
        JsonNode best = MissingNode.getInstance();
        for (JsonNode candidate : candidates) {
            work.charge(1, column);
            if (Values.isMissing(candidate)) {
                continue;
            }
            if (!candidate.isNumber() && !candidate.isString()) {
                throw wrongType(max ? "max" : "min", "NUMBERs or STRINGs", candidate, column);
            }
            if (best.isMissingNode() || better(max, candidate, best, column)) {
                best = candidate;
            }
        }
        return best;
    }

    private static boolean better(boolean max, JsonNode candidate, JsonNode best, int column) {
        int sign = Values.compare(candidate, best, " in " + (max ? "max" : "min") + "()", column);
        return max ? sign > 0 : sign < 0;
    }

    private JsonNode join(JsonNode list, JsonNode separator, int column) {
        if (!separator.isString()) {
            throw wrongType("join", "a STRING separator", separator, column);
        }
        if (Values.isMissing(list)) {
            return Values.string("");
        }
        if (!list.isArray()) {
            throw wrongType("join", "a LIST", list, column);
        }
        StringBuilder joined = new StringBuilder();
        for (JsonNode item : list) {
            if (!joined.isEmpty()) {
                joined.append(separator.stringValue());
            }
            joined.append(charged(Values.text(item, column), column));
            work.charge(separator.stringValue().length() + 1L, column);
        }
        return Values.string(joined.toString());
    }

    private JsonNode keys(JsonNode object, int column) {
        ArrayNode keys = JsonNodeFactory.instance.arrayNode();
        if (Values.isMissing(object)) {
            return keys;
        }
        if (!object.isObject()) {
            throw wrongType("keys", "an OBJECT", object, column);
        }
        work.charge(object.size(), column);
        object.propertyNames().forEach(keys::add);
        return keys;
    }

    private String charged(String produced, int column) {
        work.charge(produced.length(), column);
        return produced;
    }

    private static ExpressionException wrongType(String function, String expected, JsonNode actual, int column) {
        return new ExpressionException(
                function + "() needs " + expected + ", not " + Evaluator.describe(actual), column);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
