package dev.switchboard.simulator;

import dev.switchboard.simulator.Completion.Choice;
import dev.switchboard.simulator.Completion.Finish;
import dev.switchboard.simulator.Completion.ToolCall;
import dev.switchboard.simulator.Completion.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Completion} in the OpenAI Chat Completions wire format: the {@code chat.completion}
 * object, or the {@code chat.completion.chunk} stream (one role chunk per choice, one chunk per token
 * interleaved across choices, a finish chunk per choice, the usage chunk when {@code
 * stream_options.include_usage} asks for it, then {@code [DONE]}).
 */
final class OpenAiWire {

    private final JsonMapper json;
    private final String id;
    private final long created;
    private final String model;
    private final String fingerprint;

    OpenAiWire(JsonMapper json, String id, long created, String model, String providerId) {
        this.json = json;
        this.id = id;
        this.created = created;
        this.model = model;
        this.fingerprint = "fp_sim" + Long.toHexString(Seeds.of(providerId)).substring(0, 8);
    }

    byte[] completion(Completion completion) {
        ObjectNode root = envelope("chat.completion");
        ArrayNode choices = root.putArray("choices");
        for (Choice choice : completion.choices()) {
            ObjectNode entry = choices.addObject();
            entry.put("index", choice.index());
            ObjectNode message = entry.putObject("message");
            message.put("role", "assistant");
            if (choice.toolCall().isPresent()) {
                ToolCall call = choice.toolCall().get();
                message.putNull("content");
                ObjectNode tool = message.putArray("tool_calls").addObject();
                tool.put("id", call.id());
                tool.put("type", "function");
                tool.putObject("function").put("name", call.name()).put("arguments", call.arguments());
            } else {
                message.put("content", choice.text());
            }
            message.putNull("refusal");
            message.putArray("annotations");
            entry.putNull("logprobs");
            entry.put("finish_reason", finishReason(choice.finish()));
        }
        root.set("usage", usage(completion.usage()));
        root.put("service_tier", "default");
        return json.writeValueAsBytes(root);
    }

    List<SseEvent> chunks(Completion completion, boolean includeUsage) {
        List<SseEvent> events = new ArrayList<>();
        List<List<SseEvent>> tokens = new ArrayList<>();
        for (Choice choice : completion.choices()) {
            int index = choice.index();
            List<SseEvent> choiceTokens = new ArrayList<>();
            if (choice.toolCall().isPresent()) {
                ToolCall call = choice.toolCall().get();
                choiceTokens.add(chunk(index, null, includeUsage, true, delta -> {
                    delta.put("role", "assistant").putNull("content");
                    ObjectNode tool = delta.putArray("tool_calls").addObject();
                    tool.put("index", 0).put("id", call.id()).put("type", "function");
                    tool.putObject("function").put("name", call.name()).put("arguments", "");
                }));
                for (String piece : call.argumentPieces()) {
                    choiceTokens.add(chunk(
                            index,
                            null,
                            includeUsage,
                            true,
                            delta -> delta.putArray("tool_calls")
                                    .addObject()
                                    .put("index", 0)
                                    .putObject("function")
                                    .put("arguments", piece)));
                }
            } else {
                events.add(chunk(
                        index,
                        null,
                        includeUsage,
                        false,
                        delta -> delta.put("role", "assistant")
                                .put("content", "")
                                .putNull("refusal")));
                for (String piece : choice.pieces()) {
                    choiceTokens.add(chunk(index, null, includeUsage, true, delta -> delta.put("content", piece)));
                }
            }
            tokens.add(choiceTokens);
        }
        interleave(tokens, events);
        for (Choice choice : completion.choices()) {
            events.add(chunk(choice.index(), finishReason(choice.finish()), includeUsage, false, delta -> {}));
        }
        if (includeUsage) {
            ObjectNode last = envelope("chat.completion.chunk");
            last.putArray("choices");
            last.set("usage", usage(completion.usage()));
            events.add(SseEvent.data(json.writeValueAsString(last), false));
        }
        events.add(SseEvent.data("[DONE]", false));
        return events;
    }

    /** Round-robin over the choices, as OpenAI streams {@code n > 1}. */
    private static void interleave(List<List<SseEvent>> perChoice, List<SseEvent> into) {
        int longest = perChoice.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<SseEvent> choice : perChoice) {
                if (i < choice.size()) {
                    into.add(choice.get(i));
                }
            }
        }
    }

    /** A chunk with one choice whose {@code delta} {@code fill} writes. */
    private SseEvent chunk(
            int index, String finishReason, boolean includeUsage, boolean token, Consumer<ObjectNode> fill) {
        ObjectNode root = envelope("chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", index);
        fill.accept(choice.putObject("delta"));
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        if (includeUsage) {
            root.putNull("usage");
        }
        return SseEvent.data(json.writeValueAsString(root), token);
    }

    private ObjectNode envelope(String object) {
        ObjectNode root = json.createObjectNode();
        root.put("id", id);
        root.put("object", object);
        root.put("created", created);
        root.put("model", model);
        root.put("system_fingerprint", fingerprint);
        return root;
    }

    private ObjectNode usage(Usage usage) {
        ObjectNode node = json.createObjectNode();
        node.put("prompt_tokens", usage.promptTokens());
        node.put("completion_tokens", usage.completionTokens());
        node.put("total_tokens", usage.totalTokens());
        node.putObject("prompt_tokens_details")
                .put("cached_tokens", usage.cachedTokens())
                .put("audio_tokens", 0);
        node.putObject("completion_tokens_details")
                .put("reasoning_tokens", 0)
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        return node;
    }

    static String finishReason(Finish finish) {
        return switch (finish) {
            case END, STOP_SEQUENCE -> "stop";
            case LENGTH -> "length";
            case TOOL_CALL -> "tool_calls";
        };
    }
}
