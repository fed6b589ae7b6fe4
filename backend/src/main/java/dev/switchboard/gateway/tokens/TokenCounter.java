package dev.switchboard.gateway.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Counts tokens with a real BPE tokenizer (o200k_base, the encoding of current OpenAI models): the
 * router's estimate before a call, and the charge when a provider reports no usage (a cut stream).
 * Other vendors' tokenizers differ by some percent; their own usage wins whenever they report it.
 */
@Component
public class TokenCounter {

    /** Per-message framing in the chat format (role, separators), per OpenAI's published counting recipe. */
    static final int TOKENS_PER_MESSAGE = 3;
    /** Every reply is primed with {@code <|start|>assistant<|message|>}. */
    static final int REPLY_PRIMING = 3;
    /** An image costs 85 tokens at low detail and up to 765 per 512-px tile at high detail: assume high. */
    static final int TOKENS_PER_IMAGE = 765;

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** The prompt tokens of an OpenAI chat request: messages, tool definitions and the reply priming. */
    public long countPrompt(JsonNode chatRequest) {
        long tokens = REPLY_PRIMING;
        for (JsonNode message : chatRequest.path("messages")) {
            tokens += TOKENS_PER_MESSAGE + count(message.path("role").asString(""));
            if (message.has("name")) {
                tokens += 1 + count(message.path("name").asString(""));
            }
            tokens += countContent(message.path("content"));
            if (message.has("tool_calls")) {
                tokens += count(message.path("tool_calls").toString());
            }
        }
        if (chatRequest.has("tools")) {
            tokens += count(chatRequest.path("tools").toString());
        }
        return tokens;
    }

    /** The input tokens of an OpenAI embeddings request ({@code input}: a string or a list of them). */
    public long countEmbeddingInput(JsonNode embeddingRequest) {
        JsonNode input = embeddingRequest.path("input");
        if (input.isString()) {
            return count(input.asString());
        }
        long tokens = 0;
        for (JsonNode item : input) {
            tokens += item.isString() ? count(item.asString()) : item.size();
        }
        return tokens;
    }

    private long countContent(JsonNode content) {
        if (content.isString()) {
            return count(content.asString());
        }
        long tokens = 0;
        for (JsonNode part : content) {
            switch (part.path("type").asString("")) {
                case "text" -> tokens += count(part.path("text").asString(""));
                case "image_url", "input_image" -> tokens += TOKENS_PER_IMAGE;
                default -> tokens += count(part.toString());
            }
        }
        return tokens;
    }
}
