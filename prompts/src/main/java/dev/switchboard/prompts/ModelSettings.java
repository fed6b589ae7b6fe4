package dev.switchboard.prompts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a template asks of the model: which one, how creative, how long, in what shape.
 *
 * @param model what the router understands: a model name ({@code sim-chat}), a pinned provider ({@code
 *     sim-fast/sim-chat}), a tier ({@code tier:economy}) or {@code auto}
 * @param temperature 0 to 2; {@code null} leaves the provider's default
 * @param maxTokens the output limit; {@code null} for none
 */
@JsonPropertyOrder({"model", "temperature", "maxTokens", "responseFormat"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSettings(String model, Double temperature, Integer maxTokens, ResponseFormat responseFormat) {

    public static final String AUTO = "auto";
    public static final ModelSettings DEFAULT = new ModelSettings(AUTO, null, null, null);

    public ModelSettings {
        model = model == null || model.isBlank() ? AUTO : model.strip();
        responseFormat = responseFormat == null ? new ResponseFormat.Text() : responseFormat;
    }
}
