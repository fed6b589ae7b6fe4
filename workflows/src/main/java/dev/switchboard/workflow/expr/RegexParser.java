package dev.switchboard.workflow.expr;

import dev.switchboard.workflow.expr.RegexCompiler.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Reads the pattern syntax {@code matches()} accepts into a tree: literals, {@code .}, classes
 * ({@code [a-z]}, {@code [^,]}), {@code \d \w \s} and their negations, {@code \b \B}, {@code ^ $},
 * groups ({@code (..)}, {@code (?:..)}), {@code |}, and the quantifiers {@code * + ?} and {@code {n}},
 * {@code {n,}}, {@code {n,m}} (counts up to {@link #MAX_COUNT}; a trailing {@code ?} is accepted and
 * changes nothing for a yes/no answer), plus a leading {@code (?i)}. Back-references and look-around are
 * refused: they are what makes an automaton impossible and backtracking necessary.
 */
final class RegexParser {

    static final int MAX_COUNT = 100;

    /** The pattern as a tree first, so counted repetition can emit its operand several times. */
    sealed interface Tree {}

    record Atom(Op op, IntPredicate test) implements Tree {}

    record Sequence(List<Tree> items) implements Tree {}

    record Alternatives(List<Tree> options) implements Tree {}

    record Repeat(Tree body, int min, int max) implements Tree {} // max -1: unbounded

    private static final IntPredicate DIGIT = c -> c >= '0' && c <= '9';
    private static final IntPredicate WORD =
            c -> DIGIT.test(c) || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    private static final IntPredicate SPACE =
            c -> c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';

    private final int[] pattern;
    private final int column;
    private final boolean ignoreCase;
    private int pos;

    private RegexParser(String pattern, int column) {
        boolean flagged = pattern.startsWith("(?i)");
        this.pattern = (flagged ? pattern.substring(4) : pattern).codePoints().toArray();
        this.column = column;
        this.ignoreCase = flagged;
    }

    static boolean isWord(int c) {
        return WORD.test(c);
    }

    static Tree parse(String pattern, int column) {
        RegexParser parser = new RegexParser(pattern, column);
        Tree tree = parser.alternatives();
        if (parser.pos < parser.pattern.length) {
            throw parser.error("unmatched ')'");
        }
        return tree;
    }

    private Tree alternatives() {
        List<Tree> options = new ArrayList<>(List.of(sequence()));
        while (peek() == '|') {
            pos++;
            options.add(sequence());
        }
        return options.size() == 1 ? options.getFirst() : new Alternatives(options);
    }

    private Tree sequence() {
        List<Tree> items = new ArrayList<>();
        while (pos < pattern.length && peek() != '|' && peek() != ')') {
            items.add(quantified(atom()));
        }
        return new Sequence(items);
    }

    private Tree quantified(Tree atom) {
        int min;
        int max;
        switch (peek()) {
            case '*' -> {
                min = 0;
                max = -1;
            }
            case '+' -> {
                min = 1;
                max = -1;
            }
            case '?' -> {
                min = 0;
                max = 1;
            }
            case '{' -> {
                return counted(atom);
            }
            default -> {
                return atom;
            }
        }
        pos++;
        return lazyOrPossessive(new Repeat(atom, min, max));
    }

    private Tree counted(Tree atom) {
        pos++;
        int min = count();
        int max = min;
        if (peek() == ',') {
            pos++;
            max = peek() == '}' ? -1 : count();
        }
        if (peek() != '}' || (max >= 0 && max < min)) {
            throw error("a count is written {n}, {n,} or {n,m} with n <= m");
        }
        pos++;
        return lazyOrPossessive(new Repeat(atom, min, max));
    }

    private int count() {
        int start = pos;
        int value = 0;
        while (peek() >= '0' && peek() <= '9' && pos - start < 4) {
            value = value * 10 + (pattern[pos++] - '0');
        }
        if (pos == start || value > MAX_COUNT) {
            throw error("a count must be a number from 0 to " + MAX_COUNT);
        }
        return value;
    }

    private Tree lazyOrPossessive(Repeat repeat) {
        if (peek() == '?') {
            pos++; // lazy: the same yes/no answer
        } else if (peek() == '+') {
            throw error("possessive quantifiers are not supported");
        }
        if (peek() == '*' || peek() == '+' || peek() == '{') {
            throw error("nothing to repeat");
        }
        return repeat;
    }

    private Tree atom() {
        int c = pattern[pos++];
        return switch (c) {
            case '(' -> group();
            case '[' -> new Atom(Op.CHAR, characterClass());
            case '.' -> new Atom(Op.CHAR, ch -> ch != '\n');
            case '^' -> new Atom(Op.START, null);
            case '$' -> new Atom(Op.END, null);
            case '\\' -> escape();
            case '*', '+', '?', '{' -> throw error("nothing to repeat");
            default -> literal(c);
        };
    }

    private Tree group() {
        if (peek() == '?') {
            if (pos + 1 < pattern.length && pattern[pos + 1] == ':') {
                pos += 2;
            } else {
                throw error("only (..) and (?:..) groups are supported (no look-around, flags or names)");
            }
        }
        Tree inner = alternatives();
        if (peek() != ')') {
            throw error("missing ')'");
        }
        pos++;
        return inner;
    }

    private Tree escape() {
        if (pos >= pattern.length) {
            throw error("pattern ends with '\\'");
        }
        int c = pattern[pos];
        if (c == 'b' || c == 'B') {
            pos++;
            return new Atom(c == 'b' ? Op.WORD_BOUNDARY : Op.NOT_WORD_BOUNDARY, null);
        }
        return new Atom(Op.CHAR, escapedClass());
    }

    /** After a backslash, in or out of a class: a shorthand class or one escaped character. */
    private IntPredicate escapedClass() {
        int c = pattern[pos++];
        return switch (c) {
            case 'd' -> DIGIT;
            case 'D' -> DIGIT.negate();
            case 'w' -> WORD;
            case 'W' -> WORD.negate();
            case 's' -> SPACE;
            case 'S' -> SPACE.negate();
            default -> single(escapedChar(c));
        };
    }

    private int escapedChar(int c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'f' -> '\f';
            case 'u' -> hex(4);
            case 'x' -> hex(2);
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    throw error("unsupported escape '\\" + Character.toString(c) + "'");
                }
                yield c; // an escaped symbol stands for itself
            }
        };
    }

    private int hex(int digits) {
        int value = 0;
        for (int i = 0; i < digits; i++) {
            int digit = pos < pattern.length ? Character.digit(pattern[pos++], 16) : -1;
            if (digit < 0) {
                throw error("expected " + digits + " hex digits");
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private IntPredicate characterClass() {
        boolean negated = peek() == '^';
        if (negated) {
            pos++;
        }
        IntPredicate members = c -> false;
        boolean first = true;
        while (pos < pattern.length && (pattern[pos] != ']' || first)) {
            first = false;
            members = members.or(classItem());
        }
        if (pos >= pattern.length) {
            throw error("missing ']'");
        }
        pos++;
        return negated ? members.negate() : members;
    }

    private IntPredicate classItem() {
        int c = pattern[pos++];
        if (c == '[' || (c == '&' && peek() == '&')) {
            throw error("nested classes and intersections are not supported; escape '" + Character.toString(c) + "'");
        }
        if (c == '\\') {
            if (pos >= pattern.length) {
                throw error("pattern ends with '\\'");
            }
            int escaped = pattern[pos];
            if ("dDwWsS".indexOf(escaped) >= 0) {
                return escapedClass();
            }
            pos++;
            c = escapedChar(escaped);
        }
        if (peek() == '-' && pos + 1 < pattern.length && pattern[pos + 1] != ']') {
            pos++;
            int high = pattern[pos++];
            if (high == '\\') {
                high = escapedChar(pattern[pos++]);
            }
            if (high < c) {
                throw error("range out of order");
            }
            int low = c;
            int top = high;
            return fold(ch -> ch >= low && ch <= top);
        }
        return single(c);
    }

    private Tree literal(int c) {
        if (c == ')') {
            throw error("unmatched ')'");
        }
        return new Atom(Op.CHAR, single(c));
    }

    private IntPredicate single(int c) {
        return fold(ch -> ch == c);
    }

    private IntPredicate fold(IntPredicate test) {
        if (!ignoreCase) {
            return test;
        }
        return ch -> test.test(ch) || test.test(Character.toLowerCase(ch)) || test.test(Character.toUpperCase(ch));
    }

    private int peek() {
        return pos < pattern.length ? pattern[pos] : -1;
    }

    private ExpressionException error(String problem) {
        return new ExpressionException(
                "matches() pattern: " + problem + " (at index " + pos + " of the pattern)", column);
    }
}
