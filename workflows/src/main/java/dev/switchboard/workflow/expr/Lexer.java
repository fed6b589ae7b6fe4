package dev.switchboard.workflow.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens, each with the column it starts at. */
final class Lexer {

    enum Kind {
        NUMBER,
        STRING,
        NAME,
        SYMBOL,
        END
    }

    /** For strings {@code text} is the decoded value; for the rest, the characters as written. */
    record Token(Kind kind, String text, int column) {

        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isName(String name) {
            return kind == Kind.NAME && text.equals(name);
        }

        String describe() {
            return switch (kind) {
                case END -> "end of expression";
                case STRING -> "string " + Values.quote(text);
                default -> "'" + text + "'";
            };
        }
    }

    private static final List<String> TWO_CHAR_SYMBOLS = List.of("==", "!=", "<=", ">=", "&&", "||");
    private static final String ONE_CHAR_SYMBOLS = "()[].,?:!<>+-*/%";

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String source) {
        Lexer lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    static boolean isName(String text) {
        if (text.isEmpty() || !isNameStart(text.charAt(0))) {
            return false;
        }
        return text.chars().allMatch(c -> isNameStart((char) c) || isDigit((char) c));
    }

    private void run() {
        while (true) {
            while (pos < source.length() && isSpace(source.charAt(pos))) {
                pos++;
            }
            if (pos >= source.length()) {
                tokens.add(new Token(Kind.END, "", source.length()));
                return;
            }
            char c = source.charAt(pos);
            if (isDigit(c)) {
                number();
            } else if (c == '"' || c == '\'') {
                string(c);
            } else if (isNameStart(c)) {
                name();
            } else {
                symbol(c);
            }
        }
    }

    private void number() {
        int start = pos;
        skipDigits();
        if (pos + 1 < source.length() && source.charAt(pos) == '.' && isDigit(source.charAt(pos + 1))) {
            pos++;
            skipDigits();
        }
        if (pos < source.length() && (isNameStart(source.charAt(pos)) || source.charAt(pos) == '.')) {
            // "1e5", "1.2.3" and "2x" are typos, not a number followed by something else
            throw new ExpressionException("malformed number", start);
        }
        tokens.add(new Token(Kind.NUMBER, source.substring(start, pos), start));
    }

    private void skipDigits() {
        while (pos < source.length() && isDigit(source.charAt(pos))) {
            pos++;
        }
    }

    private void name() {
        int start = pos;
        while (pos < source.length() && (isNameStart(source.charAt(pos)) || isDigit(source.charAt(pos)))) {
            pos++;
        }
        tokens.add(new Token(Kind.NAME, source.substring(start, pos), start));
    }

    private void string(char quote) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= source.length()) {
                throw new ExpressionException("unterminated string", start);
            }
            char c = source.charAt(pos++);
            if (c == quote) {
                tokens.add(new Token(Kind.STRING, value.toString(), start));
                return;
            }
            if (c == '\\') {
                value.append(escape());
            } else {
                value.append(c);
            }
        }
    }

    private char escape() {
        int at = pos - 1;
        if (pos >= source.length()) {
            throw new ExpressionException("unterminated string", at);
        }
        char c = source.charAt(pos++);
        return switch (c) {
            case '"', '\'', '\\', '/' -> c;
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'u' -> unicodeEscape(at);
            default -> throw new ExpressionException("unknown escape '\\" + c + "'", at);
        };
    }

    private char unicodeEscape(int at) {
        if (pos + 4 > source.length()) {
            throw new ExpressionException("\\u needs four hex digits", at);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(source.charAt(pos++), 16);
            if (digit < 0) {
                throw new ExpressionException("\\u needs four hex digits", at);
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    private void symbol(char c) {
        if (pos + 1 < source.length()) {
            String two = source.substring(pos, pos + 2);
            if (TWO_CHAR_SYMBOLS.contains(two)) {
                tokens.add(new Token(Kind.SYMBOL, two, pos));
                pos += 2;
                return;
            }
        }
        if (ONE_CHAR_SYMBOLS.indexOf(c) < 0) {
            String hint = switch (c) {
                case '=' -> " (compare with ==)";
                case '&' -> " (use && for 'and')";
                case '|' -> " (use || for 'or')";
                default -> "";
            };
            throw new ExpressionException("unexpected character " + Values.describeChar(c) + hint, pos);
        }
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), pos++));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
