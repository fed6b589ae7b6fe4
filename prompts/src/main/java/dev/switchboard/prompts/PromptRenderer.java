package dev.switchboard.prompts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks and renders templates. {@link #check} says everything wrong with a template as written (for
 * an editor's live validation and before saving); {@link #render} turns a sound template and values
 * into messages, or fails with every missing, unknown or mistyped variable, each naming the variable
 * and the message, line and column where the template first uses it. Thread-safe; one instance serves
 * everyone.
 */
public final class PromptRenderer {

    private final JinjaSandbox sandbox = new JinjaSandbox();

    /**
     * Every problem of the template itself: its definition, the syntax of each message, names it uses
     * that are not declared, and what a trial render with sample values runs into (sandbox, limits).
     */
    public List<PromptProblem> check(PromptTemplate template) {
        List<PromptProblem> problems = new ArrayList<>(PromptValidator.problems(template));
        problems.addAll(undeclaredReferences(template));
        if (problems.stream().noneMatch(p -> p.kind() == PromptProblem.Kind.DEFINITION)) {
            Map<String, Object> samples = new HashMap<>();
            for (Variable v : template.variables()) {
                samples.put(v.name(), JsonValues.toJava(v.defaultValue() != null ? v.defaultValue() : sample(v)));
            }
            problems.addAll(renderAll(template, samples).problems());
        }
        return dedupe(problems);
    }

    /** @throws PromptException listing every problem when the template or the values are not right */
    public RenderedPrompt render(PromptTemplate template, Map<String, JsonNode> values) {
        List<PromptProblem> definition = PromptValidator.problems(template);
        if (!definition.isEmpty()) {
            throw new PromptException(definition);
        }
        Map<String, JsonNode> given = values == null ? Map.of() : values;
        Map<String, FirstUse> firstUse = firstUses(template);
        List<PromptProblem> problems = new ArrayList<>();
        given.keySet().stream()
                .filter(name -> template.variable(name).isEmpty())
                .sorted()
                .forEach(name -> problems.add(new PromptProblem(
                        PromptProblem.Kind.UNKNOWN_VARIABLE,
                        "values." + name,
                        name,
                        null,
                        null,
                        null,
                        "'" + name + "' is not a variable of this template; it has "
                                + template.variables().stream()
                                        .map(Variable::name)
                                        .toList())));
        Map<String, JsonNode> used = new LinkedHashMap<>();
        for (Variable v : template.variables()) {
            JsonNode value = given.get(v.name());
            if (value == null || value.isNull() || value.isMissingNode()) {
                if (v.defaultValue() != null) {
                    used.put(v.name(), v.defaultValue());
                } else if (v.isRequired()) {
                    problems.add(at(
                            firstUse, v.name(), PromptProblem.Kind.MISSING_VARIABLE, "'" + v.name() + "' is required"));
                }
                continue;
            }
            switch (v.type().accept(value, v.options())) {
                case VariableType.Accepted.Value(JsonNode accepted) -> used.put(v.name(), accepted);
                case VariableType.Accepted.Mistyped(String reason) ->
                    problems.add(at(
                            firstUse,
                            v.name(),
                            PromptProblem.Kind.MISTYPED_VARIABLE,
                            "'" + v.name() + "' is a " + v.type().code() + " variable: " + reason));
            }
        }
        problems.addAll(undeclaredReferences(template));
        if (!problems.isEmpty()) {
            throw new PromptException(dedupe(problems));
        }
        Map<String, Object> bindings = new HashMap<>();
        used.forEach((name, value) -> bindings.put(name, JsonValues.toJava(value)));
        Rendered rendered = renderAll(template, bindings);
        if (!rendered.problems().isEmpty()) {
            throw new PromptException(dedupe(rendered.problems()));
        }
        return new RenderedPrompt(rendered.messages(), template.settings(), used);
    }

    private record Rendered(List<RenderedPrompt.Message> messages, List<PromptProblem> problems) {}

    private Rendered renderAll(PromptTemplate template, Map<String, Object> bindings) {
        Set<String> declared = template.variables().stream().map(Variable::name).collect(Collectors.toSet());
        List<RenderedPrompt.Message> messages = new ArrayList<>();
        List<PromptProblem> problems = new ArrayList<>();
        for (int i = 0; i < template.messages().size(); i++) {
            PromptMessage message = template.messages().get(i);
            JinjaSandbox.Result result = sandbox.render(message.content(), bindings, declared, i);
            if (result.ok()) {
                messages.add(new RenderedPrompt.Message(
                        message.role(), message.example(), result.output().strip()));
            }
            problems.addAll(result.problems());
        }
        return new Rendered(messages, problems);
    }

    private static List<PromptProblem> undeclaredReferences(PromptTemplate template) {
        List<PromptProblem> problems = new ArrayList<>();
        for (int i = 0; i < template.messages().size(); i++) {
            for (VariableReferences.Reference ref :
                    VariableReferences.of(template.messages().get(i).content())) {
                if (template.variable(ref.name()).isEmpty()) {
                    problems.add(new PromptProblem(
                            PromptProblem.Kind.UNKNOWN_VARIABLE,
                            "messages[" + i + "]",
                            ref.name(),
                            i,
                            ref.line(),
                            ref.column(),
                            "the template uses '" + ref.name() + "', which is not a declared variable"));
                }
            }
        }
        return problems;
    }

    /** Where a variable is first used: the message, line and column an error about it points at. */
    private record FirstUse(int messageIndex, VariableReferences.Reference reference) {}

    private static Map<String, FirstUse> firstUses(PromptTemplate template) {
        Map<String, FirstUse> first = new HashMap<>();
        for (int i = 0; i < template.messages().size(); i++) {
            for (VariableReferences.Reference ref :
                    VariableReferences.of(template.messages().get(i).content())) {
                first.putIfAbsent(ref.name(), new FirstUse(i, ref));
            }
        }
        return first;
    }

    private static PromptProblem at(
            Map<String, FirstUse> firstUse, String name, PromptProblem.Kind kind, String message) {
        FirstUse use = firstUse.get(name);
        if (use == null) {
            return new PromptProblem(kind, "values." + name, name, null, null, null, message);
        }
        return new PromptProblem(
                kind,
                "messages[" + use.messageIndex() + "]",
                name,
                use.messageIndex(),
                use.reference().line(),
                use.reference().column(),
                message);
    }

    private static JsonNode sample(Variable v) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (v.type()) {
            case TEXT -> nodes.stringNode("sample " + v.name());
            case NUMBER -> nodes.numberNode(1);
            case ENUM ->
                nodes.stringNode(v.options().isEmpty() ? "" : v.options().getFirst());
            case LIST -> nodes.arrayNode().add("sample item");
            case JSON -> nodes.objectNode();
        };
    }

    private static List<PromptProblem> dedupe(List<PromptProblem> problems) {
        // the static scan and the render both find an undeclared name: keep the first report of each
        Set<String> seen = new LinkedHashSet<>();
        return problems.stream()
                .filter(p -> p.kind() != PromptProblem.Kind.UNKNOWN_VARIABLE || seen.add(p.path() + "|" + p.variable()))
                .distinct()
                .toList();
    }
}
