package dev.switchboard.gateway.upstream;

/**
 * One server-sent event.
 *
 * @param event the {@code event:} name, or {@code null} when the server sent none (the spec's "message")
 * @param data the {@code data:} lines joined with {@code \n}
 */
record SseEvent(String event, String data) {}
