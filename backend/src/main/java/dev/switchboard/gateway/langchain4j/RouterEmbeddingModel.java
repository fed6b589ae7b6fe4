package dev.switchboard.gateway.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import dev.switchboard.gateway.ChargeContext;
import dev.switchboard.gateway.GatewayException;
import dev.switchboard.gateway.GatewayService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A LangChain4j {@link EmbeddingModel} over the router's embeddings path: each batch is one call,
 * routed among the embedding deployments and charged to the model's {@link ChargeContext}.
 */
final class RouterEmbeddingModel implements EmbeddingModel {

    /** OpenAI's limit on inputs per request, which the gateway enforces: larger lists go in batches. */
    static final int BATCH = 2048;

    private final GatewayService gateway;
    private final JsonMapper json;
    private final ChargeContext charge;
    private final String model;
    private volatile Integer dimension;

    RouterEmbeddingModel(GatewayService gateway, JsonMapper json, ChargeContext charge, String model) {
        this.gateway = gateway;
        this.json = json;
        this.charge = charge;
        this.model = model;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> embeddings = new ArrayList<>(segments.size());
        int tokens = 0;
        for (int from = 0; from < segments.size(); from += BATCH) {
            List<TextSegment> batch = segments.subList(from, Math.min(segments.size(), from + BATCH));
            GatewayService.EmbeddingOutcome outcome = call(batch);
            embeddings.addAll(vectors(outcome.response(), batch.size()));
            tokens += Math.toIntExact(outcome.receipt().usage().promptTokens());
        }
        if (!embeddings.isEmpty()) {
            dimension = embeddings.getFirst().dimension();
        }
        return Response.from(embeddings, new TokenUsage(tokens));
    }

    /** Known from the first call; asked of the deployment (one small, charged call) before that. */
    @Override
    public int dimension() {
        Integer known = dimension;
        return known != null ? known : embed("dimension").content().dimension();
    }

    @Override
    public String modelName() {
        return model;
    }

    private GatewayService.EmbeddingOutcome call(List<TextSegment> batch) {
        ObjectNode body = json.createObjectNode().put("model", model).put("encoding_format", "float");
        ArrayNode input = body.putArray("input");
        batch.forEach(segment -> input.add(segment.text()));
        try {
            return gateway.embed(charge, body);
        } catch (GatewayException e) {
            throw GatewayErrors.toLangChain4j(e);
        }
    }

    /** The vectors in input order ({@code index} says where each belongs; providers may reorder). */
    private static List<Embedding> vectors(JsonNode response, int expected) {
        Embedding[] vectors = new Embedding[expected];
        for (JsonNode item : response.path("data")) {
            JsonNode values = item.path("embedding");
            float[] vector = new float[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = values.get(i).floatValue();
            }
            int index = item.path("index").asInt(-1);
            if (index < 0 || index >= expected || vectors[index] != null) {
                throw new IllegalStateException("the embedding deployment answered with a bad index " + index);
            }
            vectors[index] = Embedding.from(vector);
        }
        if (Arrays.stream(vectors).anyMatch(v -> v == null)) {
            throw new IllegalStateException("the embedding deployment answered "
                    + response.path("data").size() + " of " + expected + " vectors");
        }
        return List.of(vectors);
    }
}
