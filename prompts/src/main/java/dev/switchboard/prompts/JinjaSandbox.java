package dev.switchboard.prompts;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.el.JinjavaProcessors;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.Context.Library;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.OutputTooBigException;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders one message template with Jinja (HubSpot's Jinjava) inside a sandbox: no file or template
 * loading ({@code include}, {@code import}, {@code extends} are off and the resource locator refuses),
 * no Java methods or classes ({@link SandboxResolver}), no randomness, and bounded work: output size,
 * nesting depth, {@code range} length, list and map sizes, and a budget of rendered nodes that stops a
 * runaway loop even when it prints nothing. Blocks trim their own line ({@code trim_blocks} and {@code
 * lstrip_blocks}), so tags on lines of their own leave no blank lines in a prompt.
 */
final class JinjaSandbox {

    static final long MAX_OUTPUT_CHARS = 100_000;
    static final int MAX_NODES = 20_000;
    static final int RANGE_LIMIT = 1_000;
    static final int MAX_DEPTH = 10;
    static final int MAX_COLLECTION_SIZE = 10_000;

    private static final Map<Library, Set<String>> DISABLED = Map.of(
            Library.TAG, Set.of("include", "import", "from", "extends", "block"),
            Library.FILTER, Set.of("render", "fromyaml", "random", "shuffle"));

    /** What rendering one message gave: its text, or the problems that stopped it. */
    record Result(String output, List<PromptProblem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final JinjavaConfig config;
    private final Jinjava jinjava;

    JinjaSandbox() {
        this.config = JinjavaConfig.newBuilder()
                .withMaxOutputSize(MAX_OUTPUT_CHARS)
                .withMaxStringLength(MAX_OUTPUT_CHARS)
                .withMaxRenderDepth(MAX_DEPTH)
                .withRangeLimit(RANGE_LIMIT)
                .withMaxListSize(MAX_COLLECTION_SIZE)
                .withMaxMapSize(MAX_COLLECTION_SIZE)
                .withEnableRecursiveMacroCalls(false)
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(false)
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withDisabled(DISABLED)
                .withElResolver(new SandboxResolver(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY))
                .withProcessors(JinjavaProcessors.newBuilder()
                        .withNodePreProcessor(
                                (node, interpreter) -> RenderSession.current().ifPresent(RenderSession::work))
                        .build())
                .build();
        this.jinjava = new Jinjava(config);
        jinjava.setResourceLocator((path, charset, interpreter) -> {
            throw new IOException("templates cannot load other templates or files ('" + path + "')");
        });
    }

    /**
     * @param bindings the variables' values as plain Java values (text, numbers, booleans, lists, maps)
     * @param declared every declared variable, given or not: looking one up is never an error
     */
    Result render(String source, Map<String, Object> bindings, Set<String> declared, int messageIndex) {
        try (RenderSession session = RenderSession.open(declared, MAX_NODES)) {
            Context context = new Context(jinjava.getGlobalContextCopy(), bindings, config.getDisabled());
            context.setDynamicVariableResolver(name -> {
                JinjavaInterpreter current = JinjavaInterpreter.getCurrent();
                session.lookup(
                        name,
                        current == null ? 0 : current.getLineNumber(),
                        current == null ? 0 : current.getPosition());
                return null;
            });
            JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, context, config);
            List<PromptProblem> problems = new ArrayList<>();
            String output = null;
            JinjavaInterpreter.pushCurrent(interpreter);
            try {
                output = interpreter.render(source);
            } catch (TemplateSyntaxException e) {
                problems.add(problem(
                        PromptProblem.Kind.SYNTAX,
                        messageIndex,
                        e.getLineNumber(),
                        e.getStartPosition(),
                        e.getMessage()));
            } catch (OutputTooBigException e) {
                problems.add(
                        limit(messageIndex, "the rendered message is longer than " + MAX_OUTPUT_CHARS + " characters"));
            } catch (RenderSession.BudgetExceeded e) {
                problems.add(limit(messageIndex, e.getMessage()));
            } catch (RuntimeException e) {
                problems.add(
                        problem(PromptProblem.Kind.SYNTAX, messageIndex, null, null, String.valueOf(e.getMessage())));
            } finally {
                JinjavaInterpreter.popCurrent();
            }
            problems.addAll(fromSession(session, messageIndex));
            if (session.violations().isEmpty() && !session.overBudget()) {
                for (TemplateError error : interpreter.getErrorsCopy()) {
                    fromJinjava(error, messageIndex).ifPresent(problems::add);
                }
            }
            return new Result(problems.isEmpty() ? output : null, dedupe(problems));
        }
    }

    private static List<PromptProblem> fromSession(RenderSession session, int messageIndex) {
        List<PromptProblem> problems = new ArrayList<>();
        if (session.overBudget()) {
            problems.add(limit(
                    messageIndex, "the template did more than " + MAX_NODES + " steps of work (a runaway loop?)"));
        }
        for (String violation : session.violations()) {
            problems.add(problem(PromptProblem.Kind.SANDBOX, messageIndex, null, null, violation));
        }
        for (RenderSession.Lookup lookup : session.undeclared()) {
            problems.add(new PromptProblem(
                    PromptProblem.Kind.UNKNOWN_VARIABLE,
                    "messages[" + messageIndex + "]",
                    lookup.name(),
                    messageIndex,
                    lookup.line() > 0 ? lookup.line() : null,
                    lookup.column() > 0 ? lookup.column() : null,
                    "the template uses '" + lookup.name() + "', which is not a declared variable"));
        }
        return problems;
    }

    private static java.util.Optional<PromptProblem> fromJinjava(TemplateError error, int messageIndex) {
        if (error.getSeverity() != TemplateError.ErrorType.FATAL) {
            return java.util.Optional.empty(); // warnings (unknown tokens, undefined names) are ours to judge
        }
        PromptProblem.Kind kind = switch (error.getReason()) {
            case OUTPUT_TOO_BIG, OVER_LIMIT, COLLECTION_TOO_BIG -> PromptProblem.Kind.LIMIT;
            case DISABLED -> PromptProblem.Kind.SANDBOX;
            default -> PromptProblem.Kind.SYNTAX;
        };
        return java.util.Optional.of(problem(
                kind,
                messageIndex,
                error.getLineno() > 0 ? error.getLineno() : null,
                error.getStartPosition() > 0 ? error.getStartPosition() : null,
                error.getMessage()));
    }

    private static PromptProblem limit(int messageIndex, String message) {
        return problem(PromptProblem.Kind.LIMIT, messageIndex, null, null, message);
    }

    private static PromptProblem problem(
            PromptProblem.Kind kind, int messageIndex, Integer line, Integer column, String message) {
        return new PromptProblem(kind, "messages[" + messageIndex + "]", null, messageIndex, line, column, message);
    }

    private static List<PromptProblem> dedupe(List<PromptProblem> problems) {
        return problems.stream().distinct().toList();
    }
}
