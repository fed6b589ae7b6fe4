package dev.switchboard.simulator;

/**
 * One server-sent event as written on the wire, and whether it carries a generated token (the
 * events that are paced and counted for {@code x-sim-fault-after-tokens}).
 */
record SseEvent(String text, boolean token) {

    /** {@code data: ...} (OpenAI streams name no events). */
    static SseEvent data(String data, boolean token) {
        return new SseEvent("data: " + data + "\n\n", token);
    }

    /** {@code event: ...} + {@code data: ...} (Anthropic names every event). */
    static SseEvent named(String event, String data, boolean token) {
        return new SseEvent("event: " + event + "\ndata: " + data + "\n\n", token);
    }

    /** The same event with its JSON cut short: what a corrupted upstream stream looks like. */
    SseEvent corrupted() {
        int data = text.indexOf("data: ") + "data: ".length();
        int keep = data + Math.max(1, (text.length() - data) * 3 / 5);
        return new SseEvent(text.substring(0, Math.min(keep, text.length() - 2)) + "\n\n", token);
    }
}
