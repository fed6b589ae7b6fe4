package dev.switchboard.prompts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The difference between two versions of a template, section by section (about, model settings,
 * variables, each message) as line diffs of their YAML, so a reviewer sees exactly which words of which
 * message changed and which settings moved.
 */
public record PromptDiff(List<Section> sections) {

    /** One part of the template and the diff of its lines. */
    public record Section(String name, List<DiffLine> lines) {
        public Section {
            lines = List.copyOf(lines);
        }

        public boolean changed() {
            return lines.stream().anyMatch(l -> l.op() != DiffLine.Op.SAME);
        }
    }

    public PromptDiff {
        sections = List.copyOf(sections);
    }

    public static PromptDiff between(PromptTemplate before, PromptTemplate after) {
        Map<String, String[]> parts = new LinkedHashMap<>();
        parts.put("about", new String[] {about(before), about(after)});
        parts.put("model", new String[] {PromptYaml.writePart(before.settings()), PromptYaml.writePart(after.settings())
        });
        parts.put(
                "variables",
                new String[] {PromptYaml.writePart(before.variables()), PromptYaml.writePart(after.variables())});
        int messages = Math.max(before.messages().size(), after.messages().size());
        for (int i = 0; i < messages; i++) {
            parts.put("messages[" + i + "]", new String[] {message(before, i), message(after, i)});
        }
        List<Section> sections = new ArrayList<>();
        parts.forEach((name, texts) -> sections.add(new Section(name, LineDiff.of(texts[0], texts[1]))));
        return new PromptDiff(sections);
    }

    public boolean identical() {
        return sections.stream().noneMatch(Section::changed);
    }

    /** The changed sections as a unified-style text (unchanged sections left out). */
    public String unified() {
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            if (section.changed()) {
                text.append("@@ ").append(section.name()).append(" @@\n");
                section.lines().forEach(l -> text.append(l.unified()).append('\n'));
            }
        }
        return text.toString();
    }

    private static String about(PromptTemplate t) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("key", t.key());
        about.put("name", t.name());
        about.put("description", t.description());
        about.put("tags", t.tags());
        return PromptYaml.writePart(about);
    }

    private static String message(PromptTemplate t, int i) {
        return i < t.messages().size() ? PromptYaml.writePart(t.messages().get(i)) : "";
    }
}
