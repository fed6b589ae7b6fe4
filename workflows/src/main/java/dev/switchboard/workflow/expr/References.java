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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * Collects the paths an expression reads, in order of first appearance, every branch included: a
 * reference inside the untaken side of {@code ?:} is still one the validator must check.
 */
final class References {

    private final SequencedSet<Path> paths = new LinkedHashSet<>();

    static List<Path> of(Node node) {
        References references = new References();
        references.visit(node);
        return List.copyOf(references.paths);
    }

    private void visit(Node node) {
        switch (node) {
            case Literal literal -> {}
            case ListOf(var items, var column) -> items.forEach(this::visit);
            case Root(var name, var column) -> paths.add(Path.of(name));
            case Access access -> access(access);
            case Unary(var operator, var operand, var column) -> visit(operand);
            case Logical(var and, var operands, var column) -> operands.forEach(this::visit);
            case Arithmetic(var first, var rest, var column) -> {
                visit(first);
                rest.stream().map(Operation::operand).forEach(this::visit);
            }
            case Comparison(var operator, var left, var right, var column) -> {
                visit(left);
                visit(right);
            }
            case Conditional(var test, var then, var otherwise, var column) -> {
                visit(test);
                visit(then);
                visit(otherwise);
            }
            case Call(var function, var arguments, var column) -> arguments.forEach(this::visit);
        }
    }

    private void access(Access access) {
        if (!(access.target() instanceof Root(var name, var column))) {
            visit(access.target());
            access.steps().forEach(this::visitComputed);
            return;
        }
        Path path = Path.of(name);
        int next = 0;
        // the static prefix ends at the first computed step
        for (; next < access.steps().size(); next++) {
            Step step = access.steps().get(next);
            if (step instanceof Field field) {
                path = path.then(new Path.Key(field.name()));
            } else if (step instanceof Element element) {
                path = path.then(new Path.Index(element.index()));
            } else {
                break;
            }
        }
        paths.add(path);
        access.steps().subList(next, access.steps().size()).forEach(this::visitComputed);
    }

    private void visitComputed(Step step) {
        if (step instanceof Computed(var key, var column)) {
            visit(key);
        }
    }
}
