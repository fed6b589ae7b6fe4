package dev.switchboard.workflow.expr;

import dev.switchboard.workflow.expr.RegexParser.Alternatives;
import dev.switchboard.workflow.expr.RegexParser.Atom;
import dev.switchboard.workflow.expr.RegexParser.Repeat;
import dev.switchboard.workflow.expr.RegexParser.Sequence;
import dev.switchboard.workflow.expr.RegexParser.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Turns a {@link RegexParser} tree into the instructions {@link Regex} runs: a tree first, so counted
 * repetition can emit its operand several times; the program's size is capped at {@link #MAX_PROGRAM}.
 */
final class RegexCompiler {

    static final int MAX_PROGRAM = 5_000;

    enum Op {
        CHAR, // one character for which the instruction's test holds
        SPLIT, // continue at both x and y
        JUMP, // continue at x
        START, // at the start of the text
        END, // at the end of the text
        WORD_BOUNDARY,
        NOT_WORD_BOUNDARY,
        MATCH
    }

    /** One instruction; {@code test} for CHAR, {@code x}/{@code y} for jumps. */
    static final class Instruction {
        final Op op;
        final IntPredicate test;
        int x;
        int y;

        Instruction(Op op, IntPredicate test) {
            this.op = op;
            this.test = test;
        }
    }

    private final int column;
    private final List<Instruction> program = new ArrayList<>();

    private RegexCompiler(int column) {
        this.column = column;
    }

    static List<Instruction> compile(String pattern, int column) {
        Tree tree = RegexParser.parse(pattern, column);
        RegexCompiler compiler = new RegexCompiler(column);
        compiler.emit(tree);
        compiler.add(Op.MATCH, null);
        return compiler.program;
    }

    private void emit(Tree tree) {
        switch (tree) {
            case Atom(var op, var test) -> add(op, test);
            case Sequence(var items) -> items.forEach(this::emit);
            case Alternatives(var options) -> alternatives(options);
            case Repeat(var body, var min, var max) -> repeat(body, min, max);
        }
    }

    private void alternatives(List<Tree> options) {
        List<Instruction> exits = new ArrayList<>();
        for (int i = 0; i < options.size() - 1; i++) {
            Instruction split = add(Op.SPLIT, null);
            split.x = program.size();
            emit(options.get(i));
            exits.add(add(Op.JUMP, null));
            split.y = program.size();
        }
        emit(options.getLast());
        exits.forEach(exit -> exit.x = program.size());
    }

    private void repeat(Tree body, int min, int max) {
        for (int i = 0; i < min; i++) {
            emit(body);
        }
        if (max < 0) {
            int loop = program.size();
            Instruction split = add(Op.SPLIT, null);
            split.x = program.size();
            emit(body);
            add(Op.JUMP, null).x = loop;
            split.y = program.size();
            return;
        }
        List<Instruction> skips = new ArrayList<>();
        for (int i = min; i < max; i++) {
            Instruction split = add(Op.SPLIT, null);
            split.x = program.size();
            skips.add(split);
            emit(body);
        }
        skips.forEach(split -> split.y = program.size());
    }

    private Instruction add(Op op, IntPredicate test) {
        if (program.size() >= MAX_PROGRAM) {
            throw new ExpressionException("matches() pattern expands to too many states (counts too large)", column);
        }
        Instruction instruction = new Instruction(op, test);
        program.add(instruction);
        return instruction;
    }
}
