package dev.switchboard.workflow.expr;

/**
 * An expression or template that cannot be parsed, type-checked or evaluated. The message reads like
 * {@code unexpected ')' at column 12}; {@link #reason()} is the part before " at column", so a
 * validator can prefix the node and field it found the text in.
 */
public class ExpressionException extends RuntimeException {

    private final String reason;
    private final int column;

    /**
     * @param reason what is wrong, without the position
     * @param column 0-based character offset into the expression or template text
     */
    public ExpressionException(String reason, int column) {
        super(reason + " at column " + column);
        this.reason = reason;
        this.column = column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** The 0-based character offset into the text that was parsed (for templates: the whole template). */
    public int column() {
        return column;
    }

    /** The same problem seen from a text that embeds the expression {@code offset} characters in. */
    ExpressionException shiftedBy(int offset) {
        return new ExpressionException(reason, column + offset);
    }
}
