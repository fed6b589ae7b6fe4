package dev.switchboard.workflow.expr;

import dev.switchboard.workflow.expr.RegexCompiler.Instruction;
import dev.switchboard.workflow.expr.RegexCompiler.Op;
import java.util.List;

/**
 * The pattern engine behind {@code matches(text, pattern)}. User-written patterns run inside workflow
 * code, so {@code java.util.regex} will not do: it backtracks (exponential time for {@code (a+)+$}) and
 * recurses once per repetition of a group ({@code (a|b)*} overflows the stack on a few thousand
 * characters, at a length that depends on the thread's stack and the JIT, so the outcome would differ
 * between workers). This one runs the pattern as an automaton over all states at once (Thompson/Pike):
 * time linear in the text, no recursion, every step charged to the expression's {@link Work}, the same
 * answer on every machine. The price is the syntax described in {@link RegexParser}, without
 * back-references or look-around. Patterns are at most {@link #MAX_PATTERN} characters, texts at most
 * {@link #MAX_TEXT}.
 */
final class Regex {

    static final int MAX_PATTERN = 200;
    static final int MAX_TEXT = 10_000;

    private final Instruction[] program;

    private Regex(List<Instruction> program) {
        this.program = program.toArray(Instruction[]::new);
    }

    /** Compiles {@code pattern} or explains, at {@code column}, why it is refused. */
    static Regex compile(String pattern, int column) {
        if (pattern.length() > MAX_PATTERN) {
            throw new ExpressionException("matches() pattern is longer than " + MAX_PATTERN + " characters", column);
        }
        return new Regex(RegexCompiler.compile(pattern, column));
    }

    /** Whether part of {@code text} matches (anchor with {@code ^} and {@code $} for the whole text). */
    boolean find(String text, Work work, int column) {
        if (text.length() > MAX_TEXT) {
            throw new ExpressionException("matches() text is longer than " + MAX_TEXT + " characters", column);
        }
        int[] chars = text.codePoints().toArray();
        States current = new States(program.length);
        States next = new States(program.length);
        int[] stack = new int[program.length * 2 + 1]; // each state pushes at most two others, once
        for (int at = 0; ; at++) {
            add(current, 0, chars, at, stack); // a match may begin at every position
            work.charge(current.size, column);
            for (int i = 0; i < current.size; i++) {
                if (program[current.dense[i]].op == Op.MATCH) {
                    return true;
                }
            }
            if (at == chars.length) {
                return false;
            }
            next.clear();
            for (int i = 0; i < current.size; i++) {
                Instruction instruction = program[current.dense[i]];
                if (instruction.op == Op.CHAR && instruction.test.test(chars[at])) {
                    add(next, current.dense[i] + 1, chars, at + 1, stack);
                }
            }
            States swap = current;
            current = next;
            next = swap;
        }
    }

    /** Adds {@code pc} and every state reachable from it without reading, with an explicit stack. */
    private void add(States states, int pc, int[] chars, int at, int[] stack) {
        int top = 0;
        stack[top++] = pc;
        while (top > 0) {
            int state = stack[--top];
            if (!states.add(state)) {
                continue;
            }
            Instruction instruction = program[state];
            switch (instruction.op) {
                case JUMP -> stack[top++] = instruction.x;
                case SPLIT -> {
                    stack[top++] = instruction.y;
                    stack[top++] = instruction.x;
                }
                case START, END, WORD_BOUNDARY, NOT_WORD_BOUNDARY -> {
                    if (holds(instruction.op, chars, at)) {
                        stack[top++] = state + 1;
                    }
                }
                case CHAR, MATCH -> {}
            }
        }
    }

    private static boolean holds(Op assertion, int[] chars, int at) {
        return switch (assertion) {
            case START -> at == 0;
            case END -> at == chars.length;
            case WORD_BOUNDARY -> boundary(chars, at);
            default -> !boundary(chars, at);
        };
    }

    private static boolean boundary(int[] chars, int at) {
        boolean before = at > 0 && RegexParser.isWord(chars[at - 1]);
        boolean after = at < chars.length && RegexParser.isWord(chars[at]);
        return before != after;
    }

    /** A set of states in insertion order with O(1) add and clear (a sparse set). */
    private static final class States {
        final int[] dense;
        final int[] sparse;
        int size;

        States(int capacity) {
            dense = new int[capacity];
            sparse = new int[capacity];
        }

        boolean add(int state) {
            int slot = sparse[state];
            if (slot < size && dense[slot] == state) {
                return false;
            }
            sparse[state] = size;
            dense[size++] = state;
            return true;
        }

        void clear() {
            size = 0;
        }
    }
}
