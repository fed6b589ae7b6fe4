package dev.switchboard.simulator;

import dev.switchboard.simulator.ChatRequest.Format;
import dev.switchboard.simulator.ChatRequest.Tool;
import dev.switchboard.simulator.ChatRequest.Turn;
import dev.switchboard.simulator.Completion.Choice;
import dev.switchboard.simulator.Completion.Finish;
import dev.switchboard.simulator.Completion.ToolCall;
import dev.switchboard.simulator.Completion.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated model: turns a {@link ChatRequest} into a {@link Completion}. The output depends only
 * on the request (model, conversation, tools, format, seed) and the configured seed, so the same
 * request always gets the same text; {@code stop} and {@code max_tokens} cut it as a real model's
 * would, and usage is counted with {@link Tokens}.
 */
@Component
@ConditionalOnSimulator
class ReplyGenerator {

    /** Tokens a chat template adds around every message, and to prime the reply. */
    private static final int PER_TURN = 4;

    private static final int PRIMING = 3;
    /** What a low-detail image costs at OpenAI. */
    private static final int PER_IMAGE = 85;

    private final PromptCache cache;
    private final JsonMapper json;
    private final long seed;

    ReplyGenerator(PromptCache cache, JsonMapper json, SimulatorProperties properties) {
        this.cache = cache;
        this.json = json;
        this.seed = properties.seed();
    }

    Completion complete(String providerId, ChatRequest request) {
        String prompt = request.canonicalPrompt();
        List<Choice> choices = IntStream.range(0, request.n())
                .mapToObj(i -> choice(request, prompt, i))
                .toList();
        int completionTokens = choices.stream().mapToInt(Choice::tokens).sum();
        return new Completion(choices, usage(providerId, request, prompt, completionTokens));
    }

    static int promptTokens(ChatRequest request) {
        int tokens = PRIMING;
        for (Turn turn : request.turns()) {
            tokens += PER_TURN + Tokens.count(turn.text()) + PER_IMAGE * turn.images();
        }
        for (Tool tool : request.tools()) {
            tokens += PER_TURN + Tokens.count(tool.name() + " " + tool.description() + " " + tool.parameters());
        }
        return tokens;
    }

    private Usage usage(String providerId, ChatRequest request, String prompt, int completionTokens) {
        int promptTokens = promptTokens(request);
        boolean caches = request.protocol() == SimulatedProtocol.OPENAI || request.explicitCaching();
        if (!caches) {
            return new Usage(promptTokens, completionTokens, 0, 0);
        }
        PromptCache.Hit hit = cache.remember(providerId, prompt);
        int cached = Math.min(promptTokens, Tokens.count(prompt.substring(0, hit.cachedChars())));
        int written = request.protocol() == SimulatedProtocol.ANTHROPIC
                ? Math.min(promptTokens, Tokens.count(prompt.substring(0, hit.cacheableChars()))) - cached
                : 0;
        return new Usage(promptTokens, completionTokens, cached, Math.max(0, written));
    }

    private Choice choice(ChatRequest request, String prompt, int index) {
        var random = new SplittableRandom(Seeds.of(seed, request.model(), prompt, request.requestSeed(), index));
        Optional<Tool> tool = ToolSelector.select(request);
        if (tool.isPresent()) {
            return toolCall(request, tool.get(), random, index);
        }
        String text = switch (request.format()) {
            case Format.Text t -> ReplyText.reply(request, random);
            case Format.JsonObject j -> json.writeValueAsString(jsonObject(request, random));
            case Format.JsonSchema s ->
                json.writeValueAsString(new JsonInstances(s.schema(), random, request.lastUserText()).instance());
        };
        return cut(request, text, index);
    }

    private Choice cut(ChatRequest request, String text, int index) {
        Finish finish = Finish.END;
        String stopSequence = null;
        int at = text.length();
        for (String stop : request.stop()) {
            int found = stop.isEmpty() ? -1 : text.indexOf(stop);
            if (found >= 0 && found < at) {
                at = found;
                stopSequence = stop;
                finish = Finish.STOP_SEQUENCE;
            }
        }
        List<String> pieces = Tokens.pieces(text.substring(0, at));
        int max = request.maxTokens().orElse(Integer.MAX_VALUE);
        if (pieces.size() > max) {
            return new Choice(index, pieces.subList(0, max), Optional.empty(), Finish.LENGTH, null);
        }
        return new Choice(index, pieces, Optional.empty(), finish, stopSequence);
    }

    private Choice toolCall(ChatRequest request, Tool tool, SplittableRandom random, int index) {
        // Claude says what it is about to do before a tool_use block; OpenAI models send content null
        List<String> preamble = request.protocol() == SimulatedProtocol.ANTHROPIC
                ? Tokens.pieces("I'll use the " + tool.name() + " tool for this.")
                : List.of();
        String arguments = json.writeValueAsString(
                new JsonInstances(tool.parameters(), random, request.lastUserText()).instance());
        List<String> argumentPieces = Tokens.pieces(arguments);
        int max = request.maxTokens().orElse(Integer.MAX_VALUE);
        if (preamble.size() >= max) {
            return new Choice(index, preamble.subList(0, max), Optional.empty(), Finish.LENGTH, null);
        }
        Finish finish = Finish.TOOL_CALL;
        // the tool name counts as one token (Choice.tokens)
        int room = max - preamble.size() - 1;
        if (argumentPieces.size() > room) {
            argumentPieces = new ArrayList<>(argumentPieces.subList(0, Math.max(0, room)));
            finish = Finish.LENGTH;
        }
        var call = new ToolCall(callId(request.protocol()), tool.name(), argumentPieces);
        return new Choice(index, preamble, Optional.of(call), finish, null);
    }

    private static String callId(SimulatedProtocol protocol) {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        return (protocol == SimulatedProtocol.ANTHROPIC ? "toolu_01" : "call_") + unique;
    }

    private static ObjectNode jsonObject(ChatRequest request, SplittableRandom random) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("answer", ReplyText.sentences(random, 8 + random.nextInt(12)));
        object.put("topic", ReplyText.topic(request.lastUserText()));
        object.put("confidence", Math.round((0.5 + random.nextDouble() / 2) * 100) / 100.0);
        var keywords = object.putArray("keywords");
        for (int i = 0; i < 3; i++) {
            keywords.add(ReplyText.phrase(random, 1));
        }
        return object;
    }
}
