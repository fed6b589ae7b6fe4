package dev.switchboard.gateway.upstream;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The documented ways one provider deviates from its protocol family, as data. Each preset below names its
 * source; anything not documented is left at the family's default rather than guessed.
 *
 * <p>Things every OpenAI-compatible provider gets without a quirk, because they cost nothing when absent:
 * usage read from {@code prompt_tokens_details.cached_tokens} or DeepSeek's {@code prompt_cache_hit_tokens},
 * stream usage found in {@code choices[].usage} (Moonshot), unknown response fields such as {@code
 * reasoning_content} passed through, SSE comments ignored, no {@code Authorization} header without a key.
 *
 * @param preset the preset name this came from ({@code custom} when built by hand)
 * @param maxTokensField which field carries the output limit upstream; the other one is renamed to it
 * @param maxChoices the largest {@code n} the provider accepts; a larger one is refused before calling
 * @param minTemperature lower clamp for {@code temperature}, or {@code null}
 * @param maxTemperature upper clamp for {@code temperature}, or {@code null}
 * @param unsupportedFields request fields removed before sending (the provider rejects or ignores them)
 * @param extraHeaders headers added to every request (e.g. OpenRouter app attribution)
 * @param defaultMaxOutputTokens the output limit to send when the protocol requires one and the request has
 *     none (Anthropic); {@code null} means 4096
 */
public record Quirks(
        String preset,
        MaxTokensField maxTokensField,
        int maxChoices,
        Double minTemperature,
        Double maxTemperature,
        Set<String> unsupportedFields,
        Map<String, String> extraHeaders,
        Integer defaultMaxOutputTokens) {

    /** The name of the output-limit field in OpenAI-compatible requests. */
    public enum MaxTokensField {
        MAX_TOKENS("max_tokens"),
        MAX_COMPLETION_TOKENS("max_completion_tokens");

        private final String json;

        MaxTokensField(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;

    /** Plain protocol behaviour, no deviations. */
    public static final Quirks NONE =
            new Quirks("none", MaxTokensField.MAX_TOKENS, Integer.MAX_VALUE, null, null, Set.of(), Map.of(), null);

    public Quirks {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(maxTokensField, "maxTokensField");
        if (maxChoices < 1) {
            throw new IllegalArgumentException("maxChoices must be at least 1");
        }
        unsupportedFields = Set.copyOf(unsupportedFields);
        extraHeaders = Map.copyOf(extraHeaders);
        if (defaultMaxOutputTokens != null && defaultMaxOutputTokens < 1) {
            throw new IllegalArgumentException("defaultMaxOutputTokens must be positive");
        }
    }

    /**
     * The quirks of a known provider: {@code openai, deepseek, qwen, glm, kimi, minimax, doubao, siliconflow,
     * openrouter, vllm, ollama}, plus {@code anthropic} and {@code gemini} (their adapters need none).
     */
    public static Quirks forPreset(String preset) {
        String name = preset == null ? "" : preset.strip().toLowerCase(Locale.ROOT);
        Quirks base = NONE.named(name);
        return switch (name) {
            // https://platform.openai.com/docs/api-reference/chat/create : max_tokens is deprecated "and is not
            // compatible with o-series models"; GPT-5 rejects it too (ChatGPTBox-dev/chatGPTBox#908).
            case "openai" -> base.withMaxTokensField(MaxTokensField.MAX_COMPLETION_TOKENS);
            // https://api-docs.deepseek.com : base https://api.deepseek.com (or /v1), max_tokens, usage carries
            // prompt_cache_hit_tokens / prompt_cache_miss_tokens and deltas carry reasoning_content; both are
            // handled for every provider, so no quirk is needed here.
            case "deepseek" -> base;
            // https://help.aliyun.com/zh/dashscope/developer-reference/compatibility-of-openai-with-dashscope/ :
            // base https://dashscope.aliyuncs.com/compatible-mode/v1 (intl: dashscope-intl), stream_options
            // include_usage supported.
            // https://www.alibabacloud.com/en/notice/model_studio_notice_of_changes_to_certain_model_fields_724
            // : max_tokens replaced by max_completion_tokens, deprecated before 2026-05-30.
            case "qwen" -> base.withMaxTokensField(MaxTokensField.MAX_COMPLETION_TOKENS);
            // https://open.bigmodel.cn/dev/api : base https://open.bigmodel.cn/api/paas/v4. temperature is checked
            // against the open interval (0, 1) and 0 or 1 answer 400 code 1214 (langchain-ai/langchain#20261,
            // songquanpeng/one-api#1091), which both clamp into [0.01, 0.99].
            case "glm" -> base.withTemperatureRange(0.01, 0.99);
            // https://platform.moonshot.cn/docs/api/chat : base https://api.moonshot.cn/v1 (intl api.moonshot.ai),
            // max_tokens deprecated in favour of max_completion_tokens, n at most 5, temperature in [0, 1].
            case "kimi" ->
                base.withMaxTokensField(MaxTokensField.MAX_COMPLETION_TOKENS)
                        .withMaxChoices(5)
                        .withTemperatureRange(0.0, 1.0);
            // https://api.minimax.chat/document/guides/chat-model (quoted by
            // https://docs.camel-ai.org/reference/camel.configs.minimax_config): n "only supports value 1",
            // temperature in (0, 1] and "values outside this range will return an error". Base
            // https://api.minimaxi.com/v1 (lobehub's MiniMax runtime) or https://api.minimax.io/v1 (intl).
            case "minimax" -> base.withMaxChoices(1).withTemperatureRange(0.01, 1.0);
            // https://docs.openclaw.ai/providers/volcengine : base https://ark.cn-beijing.volces.com/api/v3,
            // OpenAI-compatible; the model is the inference endpoint id (ep-...) or a model id, which is the
            // deployment's upstreamModel as is.
            case "doubao" -> base;
            // https://docs.siliconflow.cn/docs/api/chat-completions-post : base https://api.siliconflow.cn/v1,
            // OpenAI fields plus enable_thinking/thinking_budget, which pass through untouched.
            case "siliconflow" -> base;
            // https://openrouter.ai/docs/app-attribution : optional HTTP-Referer and X-OpenRouter-Title (formerly
            // X-Title) headers; they name the deploying app, so they come from configuration via withExtraHeaders.
            case "openrouter" -> base;
            // https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html : base http://host:8000/v1,
            // the key is optional (--api-key); full OpenAI parameter set.
            case "vllm" -> base;
            // https://github.com/ollama/ollama/blob/main/docs/api/openai-compatibility.mdx : base
            // http://localhost:11434/v1, key "required but ignored"; tool_choice, logit_bias, user and n are not
            // supported request fields.
            case "ollama" -> base.withMaxChoices(1).withUnsupportedFields(Set.of("tool_choice", "logit_bias", "user"));
            case "anthropic", "gemini" -> base;
            default -> throw new IllegalArgumentException("unknown provider preset: " + preset);
        };
    }

    public Quirks withMaxTokensField(MaxTokensField field) {
        return new Quirks(
                preset,
                field,
                maxChoices,
                minTemperature,
                maxTemperature,
                unsupportedFields,
                extraHeaders,
                defaultMaxOutputTokens);
    }

    public Quirks withMaxChoices(int n) {
        return new Quirks(
                preset,
                maxTokensField,
                n,
                minTemperature,
                maxTemperature,
                unsupportedFields,
                extraHeaders,
                defaultMaxOutputTokens);
    }

    public Quirks withTemperatureRange(Double min, Double max) {
        return new Quirks(
                preset, maxTokensField, maxChoices, min, max, unsupportedFields, extraHeaders, defaultMaxOutputTokens);
    }

    public Quirks withUnsupportedFields(Set<String> fields) {
        return new Quirks(
                preset,
                maxTokensField,
                maxChoices,
                minTemperature,
                maxTemperature,
                fields,
                extraHeaders,
                defaultMaxOutputTokens);
    }

    /** Adds (or replaces) headers sent with every request, e.g. OpenRouter's {@code HTTP-Referer}. */
    public Quirks withExtraHeaders(Map<String, String> headers) {
        Map<String, String> merged = new LinkedHashMap<>(extraHeaders);
        merged.putAll(headers);
        return new Quirks(
                preset,
                maxTokensField,
                maxChoices,
                minTemperature,
                maxTemperature,
                unsupportedFields,
                merged,
                defaultMaxOutputTokens);
    }

    /** The deployment's maximum output, used where the protocol demands a limit and the caller gave none. */
    public Quirks withDefaultMaxOutputTokens(Integer tokens) {
        return new Quirks(
                preset,
                maxTokensField,
                maxChoices,
                minTemperature,
                maxTemperature,
                unsupportedFields,
                extraHeaders,
                tokens);
    }

    int defaultMaxOutputTokensOrFallback() {
        return defaultMaxOutputTokens == null ? DEFAULT_MAX_OUTPUT_TOKENS : defaultMaxOutputTokens;
    }

    private Quirks named(String name) {
        return new Quirks(
                name,
                maxTokensField,
                maxChoices,
                minTemperature,
                maxTemperature,
                unsupportedFields,
                extraHeaders,
                defaultMaxOutputTokens);
    }
}
