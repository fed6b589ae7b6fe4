package dev.switchboard.prompts;

/** One line of a diff: kept, removed (only in the older version) or added (only in the newer one). */
public record DiffLine(Op op, String text) {

    /** What happened to the line. */
    public enum Op {
        SAME,
        REMOVED,
        ADDED
    }

    /** The line as a unified diff shows it: {@code ' '}, {@code '-'} or {@code '+'} then the text. */
    public String unified() {
        return switch (op) {
            case SAME -> " " + text;
            case REMOVED -> "-" + text;
            case ADDED -> "+" + text;
        };
    }
}
