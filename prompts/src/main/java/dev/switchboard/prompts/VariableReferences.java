package dev.switchboard.prompts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the top-level names a message template reads, with where each is first used, without running
 * it: every branch counts, so a misspelt variable inside an {@code if} that sample values never enter is
 * still found. Names the template defines itself ({@code for} targets, {@code set}, macros and their
 * parameters), attributes ({@code .name}), filters, tests, functions, keyword arguments and Jinja's
 * keywords are not references.
 */
final class VariableReferences {

    /** A name read by the template, at 1-based line and column of its first use. */
    record Reference(String name, int line, int column) {}

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "not",
            "in",
            "is",
            "if",
            "else",
            "elif",
            "true",
            "false",
            "none",
            "True",
            "False",
            "None",
            "loop",
            "recursive",
            "as",
            "with",
            "without",
            "context",
            "caller",
            "super",
            "self",
            "varargs",
            "kwargs",
            "ignore",
            "missing");
    private static final Set<String> NO_EXPRESSION_TAGS = Set.of(
            "else",
            "endif",
            "endfor",
            "endmacro",
            "endcall",
            "endset",
            "endfilter",
            "endraw",
            "break",
            "continue",
            "endunless",
            "endautoescape",
            "endblock",
            "endifchanged");
    private static final Pattern TOKEN =
            Pattern.compile("(?<string>'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")|(?<ident>[A-Za-z_][A-Za-z0-9_]*)"
                    + "|(?<number>\\d+(?:\\.\\d+)?)|(?<op>==|!=|<=|>=|//|\\*\\*|\\S)");
    private static final Pattern RAW_END = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}");

    private record Token(String text, boolean ident, int offset) {}

    private VariableReferences() {}

    static List<Reference> of(String source) {
        Map<String, Reference> found = new LinkedHashMap<>();
        Set<String> locals = new HashSet<>();
        int i = 0;
        while (i < source.length()) {
            int open = source.indexOf('{', i);
            if (open < 0 || open + 1 >= source.length()) {
                break;
            }
            char kind = source.charAt(open + 1);
            String close = kind == '{' ? "}}" : kind == '%' ? "%}" : kind == '#' ? "#}" : null;
            if (close == null) {
                i = open + 1;
                continue;
            }
            int end = source.indexOf(close, open + 2);
            if (end < 0) {
                break; // unclosed: the renderer reports it as a syntax error
            }
            int bodyStart = open + 2;
            List<Token> tokens = kind == '#' ? List.of() : tokens(source.substring(bodyStart, end), bodyStart);
            i = end + 2;
            if (kind == '%' && !tokens.isEmpty() && tokens.getFirst().text().equals("raw")) {
                Matcher raw = RAW_END.matcher(source);
                i = raw.find(i) ? raw.end() : source.length();
                continue;
            }
            if (kind == '{') {
                expression(tokens, 0, locals, found, source);
            } else if (kind == '%' && !tokens.isEmpty()) {
                statement(tokens, locals, found, source);
            }
        }
        return List.copyOf(found.values());
    }

    private static void statement(List<Token> tokens, Set<String> locals, Map<String, Reference> found, String source) {
        String tag = tokens.getFirst().text();
        if (NO_EXPRESSION_TAGS.contains(tag)) {
            return;
        }
        switch (tag) {
            case "for" -> {
                int in = indexOf(tokens, "in", 1);
                tokens.subList(1, in < 0 ? tokens.size() : in).stream()
                        .filter(Token::ident)
                        .forEach(t -> locals.add(t.text()));
                if (in > 0) {
                    expression(tokens, in + 1, locals, found, source);
                }
            }
            case "set" -> {
                int assign = indexOf(tokens, "=", 1);
                tokens.subList(1, assign < 0 ? tokens.size() : assign).stream()
                        .filter(Token::ident)
                        .forEach(t -> locals.add(t.text()));
                if (assign > 0) {
                    expression(tokens, assign + 1, locals, found, source);
                }
            }
            case "macro" -> tokens.stream().skip(1).filter(Token::ident).forEach(t -> locals.add(t.text()));
            default -> expression(tokens, 1, locals, found, source);
        }
    }

    private static void expression(
            List<Token> tokens, int from, Set<String> locals, Map<String, Reference> found, String source) {
        for (int k = from; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (!token.ident() || KEYWORDS.contains(token.text()) || locals.contains(token.text())) {
                continue;
            }
            String previous = k > from ? tokens.get(k - 1).text() : "";
            String next = k + 1 < tokens.size() ? tokens.get(k + 1).text() : "";
            boolean attribute = previous.equals(".");
            boolean filter = previous.equals("|");
            boolean test = previous.equals("is")
                    || (previous.equals("not")
                            && k > from + 1
                            && tokens.get(k - 2).text().equals("is"));
            boolean call = next.equals("(");
            boolean keywordArgument = next.equals("=");
            if (attribute || filter || test || call || keywordArgument) {
                continue;
            }
            found.putIfAbsent(token.text(), position(token.text(), token.offset(), source));
        }
    }

    private static int indexOf(List<Token> tokens, String text, int from) {
        for (int k = from; k < tokens.size(); k++) {
            if (tokens.get(k).text().equals(text)) {
                return k;
            }
        }
        return -1;
    }

    private static List<Token> tokens(String body, int offset) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(body);
        while (m.find()) {
            String text = m.group();
            if (text.equals("-") && (m.start() == 0 || m.end() == body.length())) {
                continue; // whitespace control: {%- ... -%}
            }
            tokens.add(new Token(text, m.group("ident") != null, offset + m.start()));
        }
        return tokens;
    }

    private static Reference position(String name, int offset, String source) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < offset; k++) {
            if (source.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new Reference(name, line, offset - lineStart + 1);
    }
}
