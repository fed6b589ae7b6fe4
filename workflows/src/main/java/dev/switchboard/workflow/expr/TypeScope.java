package dev.switchboard.workflow.expr;

import java.util.Optional;

/**
 * Gives the static type checker the declared type of a referenced path, e.g. {@code STRING} for
 * {@code inputs.brief} when the workflow declares that input as text. Answer {@link ValueType#ANY} when
 * the path exists but its shape is not declared (a step's free-form output); answer empty when the path
 * cannot exist, and the check fails naming it.
 */
@FunctionalInterface
public interface TypeScope {

    /** The type of {@code path}, or empty when nothing can be found there. */
    Optional<ValueType> typeOf(Path path);
}
