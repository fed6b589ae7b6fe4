package dev.switchboard.prompts;

/** The outcome of one {@link OutputCheck} on one answer, with a short reason people can act on. */
public record CheckResult(OutputCheck check, boolean passed, String detail) {}
