package dev.switchboard.workflow.expr;

import dev.switchboard.workflow.expr.Lexer.Kind;
import dev.switchboard.workflow.expr.Lexer.Token;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

/**
 * Recursive descent over the tokens, lowest precedence first: {@code ?:}, {@code ||}, {@code &&},
 * {@code == !=}, {@code < <= > >= in}, {@code + -}, {@code * / %}, unary {@code ! -}, then member and
 * index access. Runs of one binary operator level become one node, so a long {@code ||} list does not
 * make a deep tree; only real nesting (parentheses, brackets, calls, unary operators, {@code ?:}) counts
 * towards {@link Expression#MAX_DEPTH}, which keeps parsing and evaluation off the stack limit.
 */
final class Parser {

    static final Set<String> ROOTS = Set.of("inputs", "steps", "vars", "item", "index", "run");
    private static final String ROOT_LIST = "inputs, steps, vars, item, index, run";

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String source) {
        Parser parser = new Parser(Lexer.tokenize(source));
        if (parser.peek().kind() == Kind.END) {
            throw new ExpressionException("empty expression", 0);
        }
        Node node = parser.expression();
        if (parser.peek().kind() != Kind.END) {
            throw parser.unexpected();
        }
        return node;
    }

    private Node expression() {
        enter();
        try {
            Node test = or();
            if (!peek().is("?")) {
                return test;
            }
            int column = next().column();
            Node then = expression();
            expect(":");
            return new Conditional(test, then, expression(), column);
        } finally {
            depth--;
        }
    }

    private void enter() {
        if (++depth > Expression.MAX_DEPTH) {
            throw new ExpressionException("expression nested deeper than " + Expression.MAX_DEPTH, peek().column());
        }
    }

    private Node or() {
        return logical(false);
    }

    private Node logical(boolean and) {
        String symbol = and ? "&&" : "||";
        Node first = and ? equality() : logical(true);
        if (!peek().is(symbol)) {
            return first;
        }
        int column = peek().column();
        List<Node> operands = new ArrayList<>(List.of(first));
        while (peek().is(symbol)) {
            next();
            operands.add(and ? equality() : logical(true));
        }
        return new Logical(and, operands, column);
    }

    private Node equality() {
        return comparison(relational(), "==", "!=");
    }

    private Node relational() {
        return comparison(additive(), "<", "<=", ">", ">=", "in");
    }

    private Node comparison(Node left, String... operators) {
        Token operator = peek();
        if (!isComparison(operator, operators)) {
            return left;
        }
        next();
        Node right = operators[0].equals("==") ? relational() : additive();
        if (isComparison(peek(), operators)) {
            throw new ExpressionException(
                    "comparisons do not chain; combine them with && or parentheses", peek().column());
        }
        return new Comparison(operator.text(), left, right, operator.column());
    }

    private static boolean isComparison(Token token, String... operators) {
        for (String operator : operators) {
            if (token.is(operator) || (operator.equals("in") && token.isName("in"))) {
                return true;
            }
        }
        return false;
    }

    private Node additive() {
        return arithmetic(false);
    }

    private Node arithmetic(boolean multiplicative) {
        String operators = multiplicative ? "*/%" : "+-";
        Node first = multiplicative ? unary() : arithmetic(true);
        List<Operation> rest = new ArrayList<>();
        while (peek().kind() == Kind.SYMBOL && peek().text().length() == 1 && operators.contains(peek().text())) {
            Token operator = next();
            Node operand = multiplicative ? unary() : arithmetic(true);
            rest.add(new Operation(operator.text().charAt(0), operand, operator.column()));
        }
        return rest.isEmpty() ? first : new Arithmetic(first, rest, first.column());
    }

    private Node unary() {
        Token token = peek();
        if (!token.is("!") && !token.is("-")) {
            return postfix(primary());
        }
        next();
        enter();
        try {
            Node operand = unary();
            if (token.is("-") && operand instanceof Literal(var value, var column) && value.isNumber()) {
                return new Literal(Values.number(value.decimalValue().negate(), token.column()), token.column());
            }
            return new Unary(token.text().charAt(0), operand, token.column());
        } finally {
            depth--;
        }
    }

    private Node postfix(Node target) {
        List<Step> steps = new ArrayList<>();
        while (peek().is(".") || peek().is("[")) {
            Token open = next();
            if (open.is(".")) {
                Token name = next();
                if (name.kind() != Kind.NAME) {
                    throw new ExpressionException("expected a field name after '.'", name.column());
                }
                steps.add(new Field(name.text(), open.column()));
            } else {
                Node key = expression();
                expect("]");
                steps.add(step(key, open.column()));
            }
        }
        return steps.isEmpty() ? target : new Access(target, steps, target.column());
    }

    /** {@code ["k"]} and {@code [2]} are static steps so {@link Expression#references()} can see through them. */
    private static Step step(Node key, int column) {
        if (key instanceof Literal(var value, var ignored)) {
            if (value.isString()) {
                return new Field(value.stringValue(), column);
            }
            if (value.isNumber() && Values.isIndex(value.decimalValue())) {
                return new Element(value.decimalValue().intValueExact(), column);
            }
            throw new ExpressionException("an index must be a whole number or a string, not " + value, key.column());
        }
        return new Computed(key, column);
    }

    private Node primary() {
        Token token = next();
        return switch (token.kind()) {
            case NUMBER -> new Literal(Values.number(new BigDecimal(token.text()), token.column()), token.column());
            case STRING -> new Literal(StringNode.valueOf(token.text()), token.column());
            case NAME -> name(token);
            case SYMBOL -> symbolStart(token);
            case END -> throw new ExpressionException("unexpected end of expression", token.column());
        };
    }

    private Node symbolStart(Token token) {
        if (token.is("(")) {
            Node inner = expression();
            expect(")");
            return inner;
        }
        if (token.is("[")) {
            return new ListOf(items("]"), token.column());
        }
        throw unexpected(token);
    }

    private Node name(Token token) {
        switch (token.text()) {
            case "true" -> {
                return new Literal(BooleanNode.TRUE, token.column());
            }
            case "false" -> {
                return new Literal(BooleanNode.FALSE, token.column());
            }
            case "null" -> {
                return new Literal(NullNode.getInstance(), token.column());
            }
            default -> {}
        }
        if (peek().is("(")) {
            Function function = Function.named(token.text())
                    .orElseThrow(
                            () -> new ExpressionException("unknown function '" + token.text() + "'", token.column()));
            next();
            List<Node> arguments = items(")");
            if (!function.accepts(arguments.size())) {
                throw new ExpressionException(
                        function.displayName() + "() takes " + function.arity() + ", not " + arguments.size(),
                        token.column());
            }
            if (function == Function.MATCHES && arguments.get(1) instanceof Literal(var pattern, var column)) {
                if (pattern.isString()) {
                    Regex.compile(pattern.stringValue(), column); // a bad constant pattern fails before the run
                }
            }
            return new Call(function, arguments, token.column());
        }
        if (!ROOTS.contains(token.text())) {
            throw new ExpressionException(
                    "unknown name '" + token.text() + "' (a reference starts with one of " + ROOT_LIST + ")",
                    token.column());
        }
        return new Root(token.text(), token.column());
    }

    /** Comma-separated expressions up to {@code close}; the opening bracket is already read. */
    private List<Node> items(String close) {
        List<Node> items = new ArrayList<>();
        if (peek().is(close)) {
            next();
            return items;
        }
        while (true) {
            items.add(expression());
            Token token = next();
            if (token.is(close)) {
                return items;
            }
            if (!token.is(",")) {
                throw new ExpressionException(
                        "expected ',' or '" + close + "' but found " + token.describe(), token.column());
            }
        }
    }

    private void expect(String symbol) {
        Token token = next();
        if (!token.is(symbol)) {
            throw new ExpressionException("expected '" + symbol + "' but found " + token.describe(), token.column());
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token token = tokens.get(pos);
        if (token.kind() != Kind.END) {
            pos++;
        }
        return token;
    }

    private ExpressionException unexpected() {
        return unexpected(peek());
    }

    private static ExpressionException unexpected(Token token) {
        if (token.kind() == Kind.END) {
            return new ExpressionException("unexpected end of expression", token.column());
        }
        return new ExpressionException("unexpected " + token.describe(), token.column());
    }
}
