package dev.switchboard.workflow.expr;

import static dev.switchboard.workflow.expr.ValueType.ANY;
import static dev.switchboard.workflow.expr.ValueType.BOOLEAN;
import static dev.switchboard.workflow.expr.ValueType.LIST;
import static dev.switchboard.workflow.expr.ValueType.NULL;
import static dev.switchboard.workflow.expr.ValueType.NUMBER;
import static dev.switchboard.workflow.expr.ValueType.OBJECT;
import static dev.switchboard.workflow.expr.ValueType.STRING;

import dev.switchboard.workflow.expr.Node.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The static side of the {@link Function} whitelist: argument checks and result types. */
final class FunctionTypes {

    private static final Set<ValueType> TEXT = Set.of(STRING, NULL, ANY);

    private final TypeChecker checker;

    FunctionTypes(TypeChecker checker) {
        this.checker = checker;
    }

    ValueType typeOf(Call call) {
        List<ValueType> args = new ArrayList<>();
        call.arguments().forEach(argument -> args.add(checker.typeOf(argument)));
        return switch (call.function()) {
            case LEN -> result(call, args, NUMBER, Set.of(STRING, LIST, OBJECT, NULL, ANY));
            case LOWER, UPPER, TRIM -> result(call, args, STRING, TEXT);
            case CONTAINS -> {
                TypeChecker.containment(args.get(0), args.get(1), "contains", call.column());
                yield BOOLEAN;
            }
            case STARTS_WITH, ENDS_WITH, MATCHES -> result(call, args, BOOLEAN, TEXT, Set.of(STRING, ANY));
            case NUMBER -> result(call, args, NUMBER, Set.of(NUMBER, STRING, NULL, ANY));
            case STRING -> STRING;
            case BOOL, IS_EMPTY -> BOOLEAN;
            case COALESCE -> args.stream().reduce(NULL, TypeChecker::either);
            case ROUND -> result(call, args, NUMBER, Set.of(NUMBER, NULL, ANY), Set.of(NUMBER, ANY));
            case MIN, MAX -> extreme(call, args);
            case JOIN -> result(call, args, STRING, Set.of(LIST, NULL, ANY), Set.of(STRING, ANY));
            case KEYS -> result(call, args, LIST, Set.of(OBJECT, NULL, ANY));
        };
    }

    /** Checks each argument against the allowed types at its position and answers {@code type}. */
    @SafeVarargs
    private static ValueType result(Call call, List<ValueType> args, ValueType type, Set<ValueType>... allowed) {
        for (int i = 0; i < args.size(); i++) {
            if (!allowed[i].contains(args.get(i))) {
                throw new ExpressionException(
                        call.function().displayName() + "() cannot take " + Evaluator.article(args.get(i))
                                + " as argument " + (i + 1),
                        call.arguments().get(i).column());
            }
        }
        return type;
    }

    private static ValueType extreme(Call call, List<ValueType> args) {
        if (args.size() == 1 && (args.getFirst() == LIST || args.getFirst() == ANY)) {
            return ANY; // the elements' type is not declared
        }
        ValueType common = NULL;
        for (int i = 0; i < args.size(); i++) {
            ValueType arg = args.get(i);
            if (arg != NUMBER && arg != STRING && arg != NULL && arg != ANY) {
                throw new ExpressionException(
                        call.function().displayName() + "() cannot take " + Evaluator.article(arg) + " as argument "
                                + (i + 1),
                        call.arguments().get(i).column());
            }
            common = TypeChecker.either(common, arg);
        }
        if (args.contains(NUMBER) && args.contains(STRING)) {
            throw new ExpressionException(
                    call.function().displayName() + "() cannot compare NUMBERs with STRINGs", call.column());
        }
        return common;
    }
}
