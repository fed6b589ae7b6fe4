package dev.switchboard.gateway.upstream;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves the {@link ProtocolFamily#IN_PROCESS} deployments: embedding models running in this JVM, today
 * all-MiniLM-L6-v2 (384 dimensions, ONNX through LangChain4j). The 90 MB model loads on first use, once
 * per process, in a few seconds; it is thread-safe, and one call embeds its inputs in parallel on the
 * model's own pool. Usage is the model's own WordPiece token count, so the ledger sees what it really
 * processed.
 */
final class InProcessEmbeddingAdapter implements ProviderAdapter {

    /** The upstream model id of the in-process all-MiniLM-L6-v2 deployment in the catalog. */
    static final String MINILM = "all-minilm-l6-v2";

    static final int MINILM_DIMENSIONS = 384;

    private static final Logger log = LoggerFactory.getLogger(InProcessEmbeddingAdapter.class);

    private final JsonMapper json;
    /** Token-id input comes from OpenAI clients, encoded for OpenAI's embedding models (cl100k_base). */
    private final Encoding tokenIds = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private volatile EmbeddingModel miniLm;

    InProcessEmbeddingAdapter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ProtocolFamily family() {
        return ProtocolFamily.IN_PROCESS;
    }

    @Override
    public ChatResult chat(UpstreamTarget target, ObjectNode openAiRequest) {
        throw embeddingsOnly(target);
    }

    @Override
    public Usage chatStream(UpstreamTarget target, ObjectNode openAiRequest, ChatStreamListener listener) {
        throw embeddingsOnly(target);
    }

    @Override
    public EmbeddingResult embed(UpstreamTarget target, ObjectNode request) {
        List<TextSegment> segments = texts(target, request.path("input")).stream()
                .map(TextSegment::from)
                .toList();
        JsonNode dimensions = request.path("dimensions");
        if (dimensions.isNumber() && dimensions.asInt() != MINILM_DIMENSIONS) {
            throw refused(
                    target,
                    MINILM + " produces " + MINILM_DIMENSIONS
                            + "-dimensional vectors; leave 'dimensions' out or set it to " + MINILM_DIMENSIONS);
        }
        EmbeddingModel model = model(target);
        Response<List<Embedding>> embedded;
        try {
            embedded = model.embedAll(segments);
        } catch (RuntimeException e) {
            throw new UpstreamException(
                    new UpstreamException.ServerError(500),
                    target.providerId(),
                    true,
                    "the in-process model failed: " + e.getMessage(),
                    e);
        }
        boolean base64 = "base64".equals(request.path("encoding_format").asString("float"));
        ObjectNode list = json.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        List<Embedding> embeddings = embedded.content();
        for (int i = 0; i < embeddings.size(); i++) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            float[] vector = embeddings.get(i).vector();
            if (base64) {
                item.put("embedding", base64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float v : vector) {
                    values.add(v);
                }
            }
        }
        list.put("model", target.upstreamModel());
        Integer counted =
                embedded.tokenUsage() == null ? null : embedded.tokenUsage().inputTokenCount();
        if (counted == null) {
            return new EmbeddingResult(list, null);
        }
        list.putObject("usage").put("prompt_tokens", counted).put("total_tokens", counted);
        return new EmbeddingResult(list, new Usage(counted, 0, 0, 0));
    }

    private EmbeddingModel model(UpstreamTarget target) {
        if (!MINILM.equals(target.upstreamModel())) {
            throw new UpstreamException(
                    new UpstreamException.ClientError(404, "no in-process model '" + target.upstreamModel() + "'"),
                    target.providerId(),
                    true,
                    "no in-process model '" + target.upstreamModel() + "'; this build runs " + MINILM);
        }
        EmbeddingModel model = miniLm;
        if (model == null) {
            synchronized (this) {
                model = miniLm;
                if (model == null) {
                    model = loadMiniLm(target);
                    miniLm = model;
                }
            }
        }
        return model;
    }

    private static EmbeddingModel loadMiniLm(UpstreamTarget target) {
        long started = System.nanoTime();
        try {
            // the ONNX session is created in the class's static initialiser: the first use pays for it
            EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
            log.info("all-MiniLM-L6-v2 loaded in process in {} ms", (System.nanoTime() - started) / 1_000_000);
            return model;
        } catch (RuntimeException | LinkageError e) {
            // a missing native library must not take the node down: other embedding deployments can serve
            throw new UpstreamException(
                    new UpstreamException.ServerError(503),
                    target.providerId(),
                    true,
                    "the in-process model " + MINILM + " could not be loaded: " + e,
                    e);
        }
    }

    private List<String> texts(UpstreamTarget target, JsonNode input) {
        if (input.isString()) {
            return List.of(text(target, input.asString()));
        }
        if (input.isArray() && !input.isEmpty() && input.get(0).isNumber()) {
            return List.of(decode(target, input)); // a single token array
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : input) {
            texts.add(item.isArray() ? decode(target, item) : text(target, item.asString("")));
        }
        if (texts.isEmpty()) {
            throw refused(target, "'input' holds nothing to embed");
        }
        return texts;
    }

    private static String text(UpstreamTarget target, String text) {
        if (text.isBlank()) {
            throw refused(target, MINILM + " cannot embed blank text");
        }
        return text;
    }

    private String decode(UpstreamTarget target, JsonNode ids) {
        IntArrayList tokens = new IntArrayList(ids.size());
        ids.forEach(id -> tokens.add(id.asInt()));
        try {
            return text(target, tokenIds.decode(tokens));
        } catch (IllegalArgumentException e) {
            throw refused(target, "token ids must be cl100k_base tokens (" + e.getMessage() + ")");
        }
    }

    /** OpenAI's base64 encoding: the little-endian float32 array. */
    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            bytes.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static UpstreamException refused(UpstreamTarget target, String message) {
        return new UpstreamException(
                new UpstreamException.ClientError(400, message), target.providerId(), true, message);
    }

    private static UpstreamException embeddingsOnly(UpstreamTarget target) {
        return refused(target, "the in-process deployment '" + target.upstreamModel() + "' serves embeddings only");
    }
}
