package dev.switchboard.workflow.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.SequencedSet;
import tools.jackson.databind.JsonNode;

/**
 * A string field of a workflow with {@code {{ expression }}} parts, e.g.
 * {@code "Write ad copy for {{inputs.brief}}"}. A text that is exactly one {@code {{expr}}}, with
 * nothing around it, renders to the expression's value with its JSON type (an object stays an object,
 * a number a number); any other text renders to a string in which each part is replaced by its text
 * form (null and missing as empty, numbers as plain decimals, lists and objects as compact JSON).
 * {@code \{{} writes a literal {@code {{}; a {@code }}} inside a string literal of an expression does
 * not close it. Columns in errors count from the start of the whole template.
 */
public final class Template {

    /** Longest template text accepted; each expression inside stays within {@link Expression#MAX_LENGTH}. */
    public static final int MAX_LENGTH = 100_000;

    private sealed interface Part permits Text, Embedded {}

    private record Text(String text) implements Part {}

    private record Embedded(Expression expression, int offset) implements Part {}

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses {@code text}.
     *
     * @throws ExpressionException for an unclosed {@code {{}, an empty or broken expression, with the
     *     column in {@code text}
     */
    public static Template parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException("template is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int pos = 0;
        while (pos < text.length()) {
            if (text.startsWith("\\{{", pos)) {
                literal.append("{{");
                pos += 3;
            } else if (text.startsWith("{{", pos)) {
                if (!literal.isEmpty()) {
                    parts.add(new Text(literal.toString()));
                    literal.setLength(0);
                }
                int close = closing(text, pos);
                parts.add(embedded(text, pos + 2, close));
                pos = close + 2;
            } else {
                literal.append(text.charAt(pos++));
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Text(literal.toString()));
        }
        return new Template(text, parts);
    }

    /** Where the {@code }}} closing the part opened at {@code open} starts, skipping quoted strings. */
    private static int closing(String text, int open) {
        char quote = 0;
        for (int i = open + 2; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (text.startsWith("}}", i)) {
                return i;
            }
        }
        throw new ExpressionException("unclosed '{{'", open);
    }

    private static Embedded embedded(String text, int start, int end) {
        String inner = text.substring(start, end);
        if (inner.isBlank()) {
            throw new ExpressionException("empty '{{ }}'", start - 2);
        }
        try {
            return new Embedded(Expression.parse(inner), start);
        } catch (ExpressionException e) {
            throw e.shiftedBy(start);
        }
    }

    /**
     * Renders against {@code scope}: the value of a lone {@code {{expr}}} (null for missing), else a
     * string node. Never answers Java {@code null}.
     *
     * @throws ExpressionException when an expression fails, with its column in the template
     */
    public JsonNode render(Scope scope) {
        Objects.requireNonNull(scope, "scope");
        Work work = new Work(Expression.MAX_WORK);
        if (parts.size() == 1 && parts.getFirst() instanceof Embedded lone) {
            return evaluate(lone, scope, work);
        }
        StringBuilder rendered = new StringBuilder();
        int column = 0;
        for (Part part : parts) {
            String piece = switch (part) {
                case Text(var text) -> text;
                case Embedded embedded -> {
                    column = embedded.offset();
                    yield Values.text(evaluate(embedded, scope, work), column);
                }
            };
            work.charge(piece.length(), column); // the text so far is bounded, not just each expression
            rendered.append(piece);
        }
        return Values.string(rendered.toString());
    }

    private static JsonNode evaluate(Embedded embedded, Scope scope, Work work) {
        try {
            return embedded.expression().evaluate(scope, work);
        } catch (ExpressionException e) {
            throw e.shiftedBy(embedded.offset());
        }
    }

    /**
     * Every path the template reads, each once, in order of first appearance.
     */
    public List<Path> references() {
        SequencedSet<Path> paths = new LinkedHashSet<>();
        for (Part part : parts) {
            if (part instanceof Embedded embedded) {
                paths.addAll(embedded.expression().references());
            }
        }
        return List.copyOf(paths);
    }

    /**
     * The static type of the rendered value (the expression's type for a lone {@code {{expr}}}, else
     * STRING), type-checking every expression.
     *
     * @throws ExpressionException as {@link Expression#typeOf(TypeScope)}, with the column in the template
     */
    public ValueType typeOf(TypeScope types) {
        ValueType type = ValueType.STRING;
        for (Part part : parts) {
            if (part instanceof Embedded embedded) {
                try {
                    type = embedded.expression().typeOf(types);
                } catch (ExpressionException e) {
                    throw e.shiftedBy(embedded.offset());
                }
            }
        }
        return parts.size() == 1 && parts.getFirst() instanceof Embedded ? type : ValueType.STRING;
    }

    /** Whether the text has no {@code {{ }}} part (it renders to itself, escapes resolved). */
    public boolean isConstant() {
        return parts.stream().noneMatch(Embedded.class::isInstance);
    }

    /** The text this template was parsed from. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Template template && template.source.equals(source);
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
