package dev.switchboard.workflow.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reference an expression reads, from a root name down: {@code steps.summarize.output.text} is the
 * segments {@code [steps, summarize, output, text]}. Where a segment is computed at run time
 * ({@code items[vars.i]}) the path stops before it.
 *
 * @param segments the root name first, then keys and list indexes
 */
public record Path(List<Segment> segments) {

    /** One step of a path: an object key or a list index. */
    public sealed interface Segment permits Key, Index {}

    /** An object key. */
    public record Key(String name) implements Segment {
        public Key {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A list index; negative counts from the end ({@code -1} is the last element). */
    public record Index(int index) implements Segment {}

    public Path {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || !(segments.getFirst() instanceof Key)) {
            throw new IllegalArgumentException("a path starts with a root name");
        }
    }

    /** A path of keys only, e.g. {@code Path.of("steps", "summarize", "output", "text")}. */
    public static Path of(String root, String... keys) {
        List<Segment> segments = new ArrayList<>(keys.length + 1);
        segments.add(new Key(root));
        for (String key : keys) {
            segments.add(new Key(key));
        }
        return new Path(segments);
    }

    /** The root name ({@code inputs}, {@code steps}, ...). */
    public String root() {
        return ((Key) segments.getFirst()).name();
    }

    /** This path with one more segment. */
    public Path then(Segment segment) {
        List<Segment> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new Path(longer);
    }

    /** The path as an expression would write it: {@code a.b[0]["key with space"]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(root());
        for (Segment segment : segments.subList(1, segments.size())) {
            switch (segment) {
                case Key(String name)
                when Lexer.isName(name) -> text.append('.').append(name);
                case Key(String name) ->
                    text.append('[').append(Values.quote(name)).append(']');
                case Index(int index) -> text.append('[').append(index).append(']');
            }
        }
        return text.toString();
    }
}
