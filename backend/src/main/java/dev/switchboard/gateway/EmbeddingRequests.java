package dev.switchboard.gateway;

import dev.switchboard.gateway.tokens.TokenCounter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks an OpenAI embeddings request ({@code model}, {@code input}: a string, an array of strings, a
 * token array or an array of token arrays; {@code encoding_format}; {@code dimensions}) before it is
 * routed, with the limits OpenAI documents, so a request that would fail everywhere costs nothing.
 */
final class EmbeddingRequests {

    /** OpenAI's limit on the number of inputs in one request. */
    static final int MAX_INPUTS = 2048;

    private EmbeddingRequests() {}

    /** What a valid request asks for. */
    record Inspected(ObjectNode body, String model, int inputs) {}

    static Inspected inspect(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw GatewayException.invalidRequest(null, "The request body must be a JSON object.");
        }
        String model = ChatRequests.requireString(object, "model");
        int inputs = checkInput(object.path("input"));
        JsonNode format = object.path("encoding_format");
        if (!format.isMissingNode()
                && !format.isNull()
                && !(format.isString()
                        && (format.asString().equals("float")
                                || format.asString().equals("base64")))) {
            throw GatewayException.invalidRequest("encoding_format", "'encoding_format' must be float or base64.");
        }
        JsonNode dimensions = object.path("dimensions");
        if (!dimensions.isMissingNode()
                && !dimensions.isNull()
                && (!dimensions.isIntegralNumber() || dimensions.asLong() < 1 || dimensions.asLong() > 65_536)) {
            throw GatewayException.invalidRequest("dimensions", "'dimensions' must be a positive integer.");
        }
        return new Inspected(object, model, inputs);
    }

    /**
     * The tokens of the longest single input: a deployment's context window limits each input, not
     * their sum.
     */
    static long longestInput(JsonNode body, TokenCounter tokens) {
        JsonNode input = body.path("input");
        if (input.isString()) {
            return tokens.count(input.asString());
        }
        if (isTokenArray(input)) {
            return input.size();
        }
        long longest = 0;
        for (JsonNode item : input) {
            longest = Math.max(longest, item.isString() ? tokens.count(item.asString()) : item.size());
        }
        return longest;
    }

    private static int checkInput(JsonNode input) {
        if (input.isString()) {
            if (input.asString().isEmpty()) {
                throw GatewayException.invalidRequest("input", "'input' must not be empty.");
            }
            return 1;
        }
        if (!input.isArray()) {
            throw GatewayException.invalidRequest(
                    "input",
                    "'input' is required: a string, an array of strings, a token array or an array of token arrays.");
        }
        if (input.isEmpty()) {
            throw GatewayException.invalidRequest("input", "'input' must not be an empty array.");
        }
        if (input.get(0).isNumber()) {
            checkTokens(input, "input");
            return 1;
        }
        if (input.size() > MAX_INPUTS) {
            throw GatewayException.invalidRequest(
                    "input", "'input' may hold at most " + MAX_INPUTS + " items; got " + input.size() + ".");
        }
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String at = "input[" + i + "]";
            if (item.isString()) {
                if (item.asString().isEmpty()) {
                    throw GatewayException.invalidRequest(at, "'" + at + "' must not be empty.");
                }
            } else if (item.isArray()) {
                checkTokens(item, at);
            } else {
                throw GatewayException.invalidRequest(
                        at, "'" + at + "' must be a string or an array of token ids, like the other items.");
            }
        }
        return input.size();
    }

    private static void checkTokens(JsonNode ids, String at) {
        if (!isTokenArray(ids)) {
            throw GatewayException.invalidRequest(
                    at, "'" + at + "' must be a non-empty array of non-negative integer token ids.");
        }
    }

    private static boolean isTokenArray(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode id : node) {
            if (!id.isIntegralNumber() || id.asLong() < 0 || id.asLong() > Integer.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }
}
