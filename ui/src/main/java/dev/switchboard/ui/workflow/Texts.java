package dev.switchboard.ui.workflow;

import dev.switchboard.ui.ExpectedProblems;
import dev.switchboard.workflow.WorkflowProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** How the workflow views write times, durations and a workflow's problems. Times in UTC, and said so. */
final class Texts {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Texts() {}

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** From start to end, or to now while it goes on; whole milliseconds. */
    static String duration(Instant start, Instant end, Instant now) {
        if (start == null) {
            return "";
        }
        long millis = Duration.between(start, end == null ? now : end).toMillis();
        return String.format(Locale.ROOT, "%,d ms", Math.max(0, millis));
    }

    /** A problem for people: where (node 'x', field), then what. */
    static String describe(WorkflowProblem problem) {
        String node = problem.node() == null ? "Workflow" : "Node '" + problem.node() + "'";
        String field = problem.field() == null || problem.field().isEmpty() ? "" : ", " + problem.field();
        return node + field + ": " + ExpectedProblems.sentence(problem.message());
    }

    /** Long JSON or text cut for a table cell; the run's page keeps the whole of it. */
    static String preview(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    /** An id from an address; empty for anything that is not one, which the page says does not exist. */
    static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** Stored JSON indented for reading; as it is when it is not JSON. */
    static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try {
            return JSON.readTree(json).toPrettyString();
        } catch (JacksonException notJson) {
            return json;
        }
    }
}
